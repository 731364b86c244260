import { convertToModelMessages, type ModelMessage, type UIMessage, type UIMessageChunk } from 'ai';
import { APPROVAL_RESPONSE_PART, type ChatMessage, HISTORY_NOTICE_PART, type HistoryNotice } from '../../shared/chat';
import { fitHistory } from '../prompt/history-budget';
import { ApiError } from './api-error';

export interface Conversation {
  /** The whole conversation as the worker rebuilt it (the stream's `originalMessages`). */
  ui: UIMessage[];
  /** What the model gets: the conversation fitted to the history budget. */
  model: ModelMessage[];
  history: HistoryNotice;
}

/**
 * Tool approvals the server issued. No tool needs approval yet, so none has been issued and every answer to one
 * is refused: a client cannot approve a call the server never proposed. Tools that write will record theirs here.
 */
function issuedApproval(_approvalId: string): boolean {
  return false;
}

function refuseUnissuedApprovals(messages: readonly ChatMessage[]): void {
  const issues = messages.flatMap((message, m) =>
    message.parts.flatMap((part, p) =>
      part.type === APPROVAL_RESPONSE_PART && !issuedApproval(part.approvalId)
        ? [{ path: `messages.${m}.parts.${p}.approvalId`, message: 'Beside did not ask for this approval.' }]
        : [],
    ),
  );
  if (issues.length === 0) return;
  throw new ApiError({
    status: 400,
    code: 'invalid_request',
    title: 'Unknown approval',
    detail: 'The request answers a tool approval the server never asked for.',
    issues: issues.slice(0, 20),
  });
}

/**
 * The conversation the panel sent (validated by shared/chat.ts ChatMessage), rebuilt from the fields the schema
 * allows — text only, so no client-made file, source, tool result or provider option reaches the model or makes
 * the worker fetch anything — then fitted to the history budget and converted for the model.
 */
export async function conversationFrom(
  messages: readonly ChatMessage[],
  historyTokenBudget: number,
): Promise<Conversation> {
  refuseUnissuedApprovals(messages);
  const ui: UIMessage[] = messages.flatMap((message) => {
    const parts = message.parts.flatMap((part) =>
      part.type === 'text' ? [{ type: 'text' as const, text: part.text }] : [],
    );
    return parts.length > 0 ? [{ id: message.id, role: message.role, parts }] : [];
  });
  const { messages: fitted, ...history } = fitHistory(ui, historyTokenBudget);
  return { ui, model: await convertToModelMessages(fitted), history };
}

/** Tells the panel what the model did not get (nothing when the whole conversation fit). */
export function historyNoticeChunks(history: HistoryNotice): UIMessageChunk[] {
  if (history.omitted === 0 && history.shortened === 0) return [];
  return [{ type: HISTORY_NOTICE_PART, data: history }];
}
