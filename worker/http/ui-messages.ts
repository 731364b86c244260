import { convertToModelMessages, type ModelMessage, type UIMessage, type UIMessageChunk } from 'ai';
import { APPROVAL_RESPONSE_PART, type ChatMessage, HISTORY_NOTICE_PART, type HistoryNotice } from '../../shared/chat';
import { fitHistory } from '../prompt/history-budget';
import { type ClaimedApproval, DENIED_REASON } from '../tools/approvals';
import { ApiError } from './api-error';

export interface Conversation {
  /** The whole conversation as the worker rebuilt it (the stream's `originalMessages`). */
  ui: UIMessage[];
  /** What the model gets: the conversation fitted to the history budget. */
  model: ModelMessage[];
  history: HistoryNotice;
}

/** Answers to approvals that this request did not claim (see tools/approvals.ts) are refused: none ran. */
function refuseUnclaimedApprovals(messages: readonly ChatMessage[], approvals: ReadonlyMap<string, ClaimedApproval>) {
  const issues = messages.flatMap((message, m) =>
    message.parts.flatMap((part, p) =>
      part.type === APPROVAL_RESPONSE_PART && !approvals.has(part.approvalId)
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

type RebuiltPart = UIMessage['parts'][number];

/** The tool call as the server recorded it, with the person's decision: the arguments are the server's own. */
function approvedToolPart(claimed: ClaimedApproval): RebuiltPart {
  const { record, approved } = claimed;
  return {
    type: `tool-${record.toolName}`,
    toolCallId: record.toolCallId,
    state: 'approval-responded',
    input: record.arguments,
    approval: { id: record.approvalId!, approved, ...(approved ? {} : { reason: DENIED_REASON }) },
  } as RebuiltPart;
}

/**
 * The conversation the panel sent (validated by shared/chat.ts ChatMessage), rebuilt from the fields the schema
 * allows — text only, so no client-made file, source, tool result or provider option reaches the model or makes
 * the worker fetch anything — then fitted to the history budget and converted for the model.
 */
export async function conversationFrom(
  messages: readonly ChatMessage[],
  historyTokenBudget: number,
  approvals: ReadonlyMap<string, ClaimedApproval> = new Map(),
): Promise<Conversation> {
  refuseUnclaimedApprovals(messages, approvals);
  const ui: UIMessage[] = messages.flatMap((message) => {
    const parts = message.parts.flatMap((part): RebuiltPart[] => {
      if (part.type === 'text') return [{ type: 'text', text: part.text }];
      const claimed = approvals.get(part.approvalId);
      return claimed ? [approvedToolPart(claimed)] : [];
    });
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
