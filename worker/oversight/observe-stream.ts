import { type ErrorCode, parseStreamError } from '../../shared/errors';

/** What the panel received, read from the UI-message stream as it passes (the bytes are not changed). */
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
 * Passes an SSE UI-message stream through unchanged and reports, once it ends, when the first text reached
 * the panel, the answer's id and text, and its error code. Parsing happens beside the bytes, never in front of
 * them: each chunk is forwarded before it is read, so the answer is not slowed down.
 */
export function observeUIStream(
  body: ReadableStream<Uint8Array>,
  startedAt: number,
): { stream: ReadableStream<Uint8Array>; outcome: Promise<StreamOutcome> } {
  const outcome: StreamOutcome = {
    ttftMs: undefined,
    messageId: undefined,
    text: '',
    errorCode: undefined,
    cancelled: false,
  };
  const decoder = new TextDecoder();
  let pending = '';
  let settle: (value: StreamOutcome) => void = () => {};
  const done = new Promise<StreamOutcome>((resolve) => {
    settle = resolve;
  });

  const readEvent = (event: string) => {
    const data = event.startsWith('data: ') ? event.slice(6) : undefined;
    if (!data || data === '[DONE]') return;
    let part: { type?: unknown; delta?: unknown; messageId?: unknown; errorText?: unknown };
    try {
      part = JSON.parse(data);
    } catch {
      return;
    }
    if (part.type === 'text-delta' && typeof part.delta === 'string') {
      outcome.ttftMs ??= Date.now() - startedAt;
      if (outcome.text.length < MAX_ANSWER_CHARS)
        outcome.text += part.delta.slice(0, MAX_ANSWER_CHARS - outcome.text.length);
    } else if (part.type === 'start' && typeof part.messageId === 'string') {
      outcome.messageId ??= part.messageId.slice(0, 200);
    } else if (part.type === 'error' && typeof part.errorText === 'string') {
      outcome.errorCode ??= parseStreamError(part.errorText).code ?? 'internal_error';
    }
  };
  const readChunk = (chunk: Uint8Array, final: boolean) => {
    pending += decoder.decode(chunk, { stream: !final });
    let end = pending.indexOf('\n\n');
    while (end !== -1) {
      readEvent(pending.slice(0, end).trim());
      pending = pending.slice(end + 2);
      end = pending.indexOf('\n\n');
    }
    if (final && pending.trim()) readEvent(pending.trim());
  };

  const reader = body.getReader();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: ended, value } = await reader.read();
        if (ended) {
          readChunk(new Uint8Array(), true);
          settle(outcome);
          controller.close();
          return;
        }
        controller.enqueue(value);
        readChunk(value, false);
      } catch (error) {
        outcome.errorCode ??= 'internal_error';
        settle(outcome);
        controller.error(error);
      }
    },
    // The panel went away (closed, Stop): the answer ends here, and so does the upstream call.
    cancel(reason) {
      outcome.cancelled = true;
      settle(outcome);
      return reader.cancel(reason);
    },
  });
  return { stream, outcome: done };
}
