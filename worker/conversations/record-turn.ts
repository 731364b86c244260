import type { Context } from 'hono';
import type { ChatMessage } from '../../shared/chat';
import { CONVERSATION_HEADER, titleFrom } from '../../shared/conversations';
import type { PageContext } from '../../shared/page-context';
import { recordKey } from '../../shared/record-key';
import type { AppEnv } from '../context';
import { type AnswerObserver, answerWasObserved, observeAnswer } from '../http/answer-observers';
import { notFound } from '../http/api-error';
import { AnswerState } from './answer-state';
import { createConversation, deleteAnswersAfter, findConversation, type MessageWrite, saveMessage } from './store';

/** While an answer streams it is saved this often, so a reload mid-answer keeps what was said. */
export const SAVE_EVERY_MS = 1_000;

/** What a chat request says that recording needs (shared/chat.ts ChatRequest). */
export interface TurnRequest {
  conversationId?: string | undefined;
  messages: readonly ChatMessage[];
  page?: PageContext | undefined;
  assistantId?: string | undefined;
  trigger?: string | undefined;
}

export interface Turn {
  conversationId: string;
  /**
   * Records the answer as it streams (saved every second, on Stop or a closed panel, and in full at the end)
   * and names the conversation in the X-Conversation-Id header. The answer itself passes through unchanged.
   */
  record(response: Response, answeredBy?: { assistant?: string | null; model?: string | null }): Response;
  /**
   * Starts storing the question now (once; later calls return the same write). `record` does it after the model's
   * first part has gone out; a route that fails before it has a response to record calls it, so the question is
   * kept as it always was.
   */
  storeQuestion(): Promise<void>;
}

function textOf(message: ChatMessage | undefined): string {
  return (message?.parts ?? []).flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n');
}

/**
 * Work that may finish after the response, kept alive by the runtime; undefined where there is none (a request made
 * in-process with app.request), and the work is then awaited instead.
 */
function inBackground(c: Context<AppEnv>): ((work: Promise<unknown>) => void) | undefined {
  try {
    const context = c.executionCtx;
    return (work) => context.waitUntil(work);
  } catch {
    return undefined;
  }
}

/**
 * Opens a chat turn: continues the caller's conversation named in the request (404 when they have none with that
 * id, before any model is called) or starts one about the page, and stores the question.
 *
 * Storing the question does not hold up the answer's first token: the write starts once the model's first part has
 * gone out to the panel (or when the stream ends or is cancelled before that, or the route fails — see
 * `storeQuestion`), every save of the answer is chained after it (so the question always lands first), and the
 * answer's stream does not end before it has landed — a follow-up sent after the answer always finds the
 * conversation. Only the ownership check of an existing conversation is awaited here, because nothing may run on a
 * conversation the caller does not own.
 */
export async function startTurn(c: Context<AppEnv>, request: TurnRequest): Promise<Turn> {
  const db = c.env.DB;
  const owner = c.get('identity').subject;
  const question = request.messages.at(-1);
  const at = new Date().toISOString();
  const statements: D1PreparedStatement[] = [];

  let conversationId = request.conversationId;
  if (conversationId) {
    if (!(await findConversation(db, owner, conversationId))) throw notFound('No conversation of yours has this id.');
  } else {
    conversationId = crypto.randomUUID();
    statements.push(
      createConversation(db, {
        id: conversationId,
        owner,
        title: titleFrom(textOf(question)),
        recordKey: request.page ? recordKey(request.page) : null,
        recordTitle: request.page?.title.slice(0, 1_000) || null,
        assistant: request.assistantId ?? null,
        at,
      }),
    );
  }
  if (question?.role === 'user') {
    if (request.trigger === 'regenerate-message') {
      statements.push(deleteAnswersAfter(db, owner, conversationId, question.id));
    }
    statements.push(
      ...saveMessage(db, owner, {
        conversationId,
        id: question.id,
        role: 'user',
        text: textOf(question),
        sources: [],
        assistant: null,
        model: null,
        status: 'complete',
        at,
      }),
    );
  }
  const id = conversationId;
  let questionStored: Promise<void> | undefined;
  // Started once, by whichever comes first; kept alive by the runtime even when the answer fails before streaming.
  const storeQuestion = (): Promise<void> => {
    if (questionStored) return questionStored;
    questionStored =
      statements.length > 0
        ? db.batch(statements).then(
            () => {},
            (error: unknown) =>
              console.error(
                JSON.stringify({ event: 'conversation_save_failed', conversationId: id, error: String(error) }),
              ),
          )
        : Promise.resolve();
    inBackground(c)?.(questionStored);
    return questionStored;
  };

  // The answer is recorded from its parts as they stream (answer-observers.ts), so the recorder is in place before
  // the route calls the model. A turn that answers approvals continues the last answer: its new text is stored as a
  // message of its own, never over the earlier text under the same id.
  const answeredBy: { assistant?: string | null; model?: string | null } = {};
  const continued = question?.role === 'assistant' ? question.id : undefined;
  observeAnswer(answerRecorder(c, owner, id, answeredBy, continued, storeQuestion));

  return {
    conversationId: id,
    storeQuestion,
    record(response, by = {}) {
      Object.assign(answeredBy, by);
      const headers = new Headers(response.headers);
      headers.set(CONVERSATION_HEADER, id);
      const streamed = response.body && headers.get('Content-Type')?.includes('text/event-stream');
      // Without a stream the recorder hears nothing: the question is stored now.
      if (!streamed || !answerWasObserved()) storeQuestion();
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    },
  };
}

/**
 * Runs the route's answer for `turn`; when it fails before there is a response to record (an unknown assistant, a
 * refused approval), the question is stored all the same, as it is for an answer that fails while streaming.
 */
export async function keepingQuestion<T>(turn: Turn, answer: () => Promise<T>): Promise<T> {
  try {
    return await answer();
  } catch (error) {
    turn.storeQuestion();
    throw error;
  }
}

/**
 * Parts that open an answer before the model has said anything: the stream's start, the sources found before the
 * call (page, knowledge passages), notices. Anything else comes from the model (or is its error or end).
 */
function isModelOutput(chunk: { type: string }): boolean {
  const { type } = chunk;
  return !(
    type === 'start' ||
    type === 'start-step' ||
    type === 'text-start' ||
    type === 'reasoning-start' ||
    type === 'message-metadata' ||
    type.startsWith('source-') ||
    type.startsWith('data-')
  );
}

/** Saves an answer while it streams: writes are chained, so an earlier save never lands after a later one. */
function answerRecorder(
  c: Context<AppEnv>,
  owner: string,
  conversationId: string,
  answeredBy: { assistant?: string | null; model?: string | null },
  continued: string | undefined,
  storeQuestion: () => Promise<void>,
): AnswerObserver {
  const answer = new AnswerState();
  const startedAt = new Date().toISOString();
  const fallbackId = crypto.randomUUID();
  const background = inBackground(c);
  let lastSave = Date.now();
  // The question's write first: an answer is never stored ahead of (or without) its conversation. It starts once
  // the model has begun answering (see startTurn), so until then this chain waits on nothing.
  let writes: Promise<void> = Promise.resolve();
  let questionStarted = false;
  const startQuestion = () => {
    if (questionStarted) return;
    questionStarted = true;
    writes = storeQuestion();
  };

  // Whether a save of the answer has been started: the first one gives it its place in the conversation.
  let placed = false;
  const save = (status = answer.status): Promise<void> => {
    const text = answer.text;
    // An answer that said nothing (an error before any text) leaves the question unanswered, as the panel shows it.
    if (!text && answer.sources.size === 0 && answer.handoffs.length === 0) return writes;
    placed = true;
    const message: MessageWrite = {
      conversationId,
      id: answer.messageId && answer.messageId !== continued ? answer.messageId : fallbackId,
      role: 'assistant',
      text,
      sources: [...answer.sources.values()],
      handoffs: answer.handoffs,
      assistant: answer.assistant ?? answeredBy.assistant ?? null,
      model: answer.model ?? answeredBy.model ?? null,
      status,
      at: startedAt,
    };
    lastSave = Date.now();
    writes = writes
      .then(() => c.env.DB.batch(saveMessage(c.env.DB, owner, message)))
      .then(
        () => {},
        (error: unknown) =>
          console.error(JSON.stringify({ event: 'conversation_save_failed', conversationId, error: String(error) })),
      );
    return writes;
  };

  return {
    onChunk(chunk) {
      // Called after the chunk went on to the panel: the question's write starts behind the model's first part.
      if (!questionStarted && isModelOutput(chunk)) startQuestion();
      if (answer.read(chunk) && Date.now() - lastSave >= SAVE_EVERY_MS) {
        const saving = save('streaming');
        background?.(saving);
      }
    },
    async onEnd() {
      startQuestion();
      // The conversation exists before the panel sees the end (its next question names it).
      await storeQuestion();
      // A stream that ended without `finish` (cut off upstream) was not completed. An answer saved while it
      // streamed has its place already: the panel sees the end at once, and the final save completes after the
      // response where the runtime allows it. A short one is written first: the panel's next turn (a follow-up, a
      // quick action) must be stored after it, and a message's place is where it was first written.
      const firstWrite = !placed;
      const saving = save(answer.status === 'streaming' ? 'stopped' : answer.status);
      if (background && !firstWrite) background(saving);
      else await saving;
    },
    onCancel() {
      startQuestion();
      const saving = save(answer.status === 'streaming' ? 'stopped' : answer.status);
      background?.(saving);
    },
  };
}
