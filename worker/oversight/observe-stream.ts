import type { UIMessageChunk } from 'ai';
import { type ErrorCode, parseStreamError } from '../../shared/errors';
import type { AnswerObserver } from '../http/answer-observers';

/** What the panel received, read from the answer's parts as they pass (nothing is changed). */
export interface StreamOutcome {
  /** Milliseconds from `startedAt` to the first answer text part; undefined when no text was sent. */
  ttftMs: number | undefined;
  /** The answer message's id from the stream's `start` part (the id the panel rates it by). */
  messageId: string | undefined;
  /** The answer as streamed, up to MAX_ANSWER_CHARS (kept only under PAYLOAD_LOGGING=full; counted otherwise). */
  text: string;
  /** Code of the stream's error part ("[upstream_timeout] …"), if any. */
  errorCode: ErrorCode | undefined;
  /** Whether the stream was cancelled by the reader (panel closed, Stop) before it ended. */
  cancelled: boolean;
}

const MAX_ANSWER_CHARS = 100_000;

/**
 * Reads the answer's parts as they go to the panel (answer-observers.ts) and reports, once the stream ends, when
 * the first text reached the panel, the answer's id and text, and its error code.
 */
export function answerOutcome(startedAt: number): { observer: AnswerObserver; outcome: Promise<StreamOutcome> } {
  const outcome: StreamOutcome = {
    ttftMs: undefined,
    messageId: undefined,
    text: '',
    errorCode: undefined,
    cancelled: false,
  };
  let settle: (value: StreamOutcome) => void = () => {};
  const done = new Promise<StreamOutcome>((resolve) => {
    settle = resolve;
  });
  const observer: AnswerObserver = {
    onChunk(part: UIMessageChunk) {
      if (part.type === 'text-delta') {
        outcome.ttftMs ??= Date.now() - startedAt;
        if (outcome.text.length < MAX_ANSWER_CHARS)
          outcome.text += part.delta.slice(0, MAX_ANSWER_CHARS - outcome.text.length);
      } else if (part.type === 'start' && typeof part.messageId === 'string') {
        outcome.messageId ??= part.messageId.slice(0, 200);
      } else if (part.type === 'error') {
        outcome.errorCode ??= parseStreamError(part.errorText).code ?? 'internal_error';
      }
    },
    onEnd() {
      settle(outcome);
    },
    // The panel went away (closed, Stop): the answer ends there. A stream that broke is an internal error.
    onCancel(cause) {
      if (cause === 'reader-gone') outcome.cancelled = true;
      else outcome.errorCode ??= 'internal_error';
      settle(outcome);
    },
  };
  return { observer, outcome: done };
}
