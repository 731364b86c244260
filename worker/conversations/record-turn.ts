import type { Context } from 'hono';
import type { ChatMessage } from '../../shared/chat';
import { CONVERSATION_HEADER, titleFrom } from '../../shared/conversations';
import type { PageContext } from '../../shared/page-context';
import { recordKey } from '../../shared/record-key';
import type { AppEnv } from '../context';
import { notFound } from '../http/api-error';
import { AnswerState } from './answer-state';
import { observeUIStream } from './observe-stream';
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
 * id, before any model is called) or starts one about the page, and stores the question before the answer starts.
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
  if (statements.length > 0) await db.batch(statements);

  const id = conversationId;
  return {
    conversationId: id,
    record(response, answeredBy = {}) {
      const headers = new Headers(response.headers);
      headers.set(CONVERSATION_HEADER, id);
      if (!response.body || !headers.get('Content-Type')?.includes('text/event-stream')) {
        return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
      }
      // A turn that answers approvals continues the last answer: its new text is stored as a message of its own,
      // never over the earlier text under the same id.
      const continued = question?.role === 'assistant' ? question.id : undefined;
      const body = observeUIStream(response.body, answerRecorder(c, owner, id, answeredBy, continued));
      return new Response(body, { status: response.status, statusText: response.statusText, headers });
    },
  };
}

/** Saves an answer while it streams: writes are chained, so an earlier save never lands after a later one. */
function answerRecorder(
  c: Context<AppEnv>,
  owner: string,
  conversationId: string,
  answeredBy: { assistant?: string | null; model?: string | null },
  continued: string | undefined,
) {
  const answer = new AnswerState();
  const startedAt = new Date().toISOString();
  const fallbackId = crypto.randomUUID();
  const background = inBackground(c);
  let lastSave = Date.now();
  let writes: Promise<void> = Promise.resolve();

  const save = (status = answer.status): Promise<void> => {
    const text = answer.text;
    // An answer that said nothing (an error before any text) leaves the question unanswered, as the panel shows it.
    if (!text && answer.sources.size === 0) return writes;
    const message: MessageWrite = {
      conversationId,
      id: answer.messageId && answer.messageId !== continued ? answer.messageId : fallbackId,
      role: 'assistant',
      text,
      sources: [...answer.sources.values()],
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
    onChunk(chunk: Parameters<AnswerState['read']>[0]) {
      if (answer.read(chunk) && Date.now() - lastSave >= SAVE_EVERY_MS) {
        const saving = save('streaming');
        background?.(saving);
      }
    },
    async onEnd() {
      // A stream that ended without `finish` (cut off upstream) was not completed. The panel sees the end at once;
      // the final save completes after the response where the runtime allows it.
      const saving = save(answer.status === 'streaming' ? 'stopped' : answer.status);
      if (background) background(saving);
      else await saving;
    },
    onCancel() {
      const saving = save(answer.status === 'streaming' ? 'stopped' : answer.status);
      background?.(saving);
    },
  };
}
