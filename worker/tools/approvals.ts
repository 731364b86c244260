import type { UIMessageChunk } from 'ai';
import { APPROVAL_RESPONSE_PART, type ChatMessage } from '../../shared/chat';
import type { Identity } from '../context';
import { ApiError } from '../http/api-error';
import { decideApproval, findApprovals, insertToolCall, type ToolCallRecord } from './call-log';
import type { OfferedTools, ToolGrantLike } from './registry';

/**
 * Approvals of tool calls, kept server-side. When a tool that writes is called, the stream carries the AI SDK's
 * `tool-approval-request`; before that part leaves the worker, the call (tool, arguments, person, conversation,
 * assistant) is written to `tool_calls` as awaiting approval. The follow-up request answers with the approval id
 * and a decision only (shared/chat.ts): the tool and its arguments are taken from that row, never from the body,
 * and the row is claimed once, so an id the server never issued, another person's or conversation's approval, a
 * replayed answer or an answer hidden in older history is refused with 400 before anything runs.
 */

/** Told to the model when the person denies a call (our words; nothing the client sends reaches the model here). */
export const DENIED_REASON =
  'The person denied this action in Beside, so it did not run. Do not retry it unless they ask.';

export interface ApprovalScope {
  db: D1Database;
  identity: Identity;
  conversationId: string;
  assistantId: string;
}

/** An approval this request may act on: the server's record and the person's decision. */
export interface ClaimedApproval {
  record: ToolCallRecord;
  approved: boolean;
}

interface PendingCall {
  toolName: string;
  input: unknown;
}

/**
 * Writes each approval request of the stream to the ledger before passing it on, so the panel can never hold an
 * approval the server has no record of. A request that cannot be recorded is turned into an error part: without
 * the record the call could never be approved, and the person must know.
 */
export function recordApprovalRequests(
  stream: ReadableStream<UIMessageChunk>,
  scope: ApprovalScope,
  offered: OfferedTools,
): ReadableStream<UIMessageChunk> {
  const calls = new Map<string, PendingCall>();
  return stream.pipeThrough(
    new TransformStream<UIMessageChunk, UIMessageChunk>({
      async transform(chunk, controller) {
        if (chunk.type === 'tool-input-available') {
          calls.set(chunk.toolCallId, { toolName: chunk.toolName, input: chunk.input });
        } else if (chunk.type === 'tool-approval-request') {
          const call = calls.get(chunk.toolCallId);
          const tool = call && offered.byName.get(call.toolName);
          if (!call || !tool) {
            controller.enqueue({ type: 'error', errorText: 'Beside could not prepare this action for approval.' });
            return;
          }
          try {
            await insertToolCall(scope.db, {
              approvalId: chunk.approvalId,
              conversationId: scope.conversationId,
              subject: scope.identity.subject,
              assistantId: scope.assistantId,
              toolId: tool.id,
              toolName: call.toolName,
              toolCallId: chunk.toolCallId,
              arguments: call.input,
              readOnly: tool.readOnly,
              status: 'awaiting_approval',
            });
          } catch (error) {
            console.error(JSON.stringify({ event: 'approval_record_failed', error: String(error).slice(0, 300) }));
            controller.enqueue({ type: 'error', errorText: 'Beside could not record this action for approval.' });
            return;
          }
        }
        controller.enqueue(chunk);
      },
    }),
  );
}

function refuse(issues: { path: string; message: string }[]): never {
  throw new ApiError({
    status: 400,
    code: 'invalid_request',
    title: 'Unknown approval',
    detail: 'The request answers a tool approval the server did not ask for, or one already answered.',
    issues: issues.slice(0, 20),
  });
}

/**
 * Checks every approval answer of the request against the ledger and claims it. Approval answers may only sit in
 * the last message (an assistant message): older history carries text only. Throws 400 invalid_request when any
 * answer is not one this person may give now; claims nothing unless all of them are.
 */
export async function claimApprovals(
  messages: readonly ChatMessage[],
  scope: ApprovalScope,
  grants: readonly ToolGrantLike[],
): Promise<Map<string, ClaimedApproval>> {
  const answers = messages.flatMap((message, m) =>
    message.parts.flatMap((part, p) =>
      part.type === APPROVAL_RESPONSE_PART ? [{ part, m, path: `messages.${m}.parts.${p}.approvalId` }] : [],
    ),
  );
  if (answers.length === 0) return new Map();
  const records = new Map(
    (
      await findApprovals(
        scope.db,
        answers.map((a) => a.part.approvalId),
      )
    ).map((r) => [r.approvalId, r]),
  );
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const { part, m, path } of answers) {
    const record = records.get(part.approvalId);
    if (m !== messages.length - 1) issues.push({ path, message: 'Approvals are answered in the last message only.' });
    else if (seen.has(part.approvalId)) issues.push({ path, message: 'This approval is answered twice.' });
    else if (!record || record.subject !== scope.identity.subject || record.conversationId !== scope.conversationId)
      issues.push({ path, message: 'Beside did not ask for this approval.' });
    else if (record.status !== 'awaiting_approval')
      issues.push({ path, message: 'This approval was already answered.' });
    else if (record.assistantId !== scope.assistantId || !grants.some((grant) => grant.id === record.toolId))
      issues.push({ path, message: 'This action is not available to the assistant answering now.' });
    seen.add(part.approvalId);
  }
  if (issues.length > 0) refuse(issues);

  const claimed = new Map<string, ClaimedApproval>();
  for (const { part } of answers) {
    const record = records.get(part.approvalId)!;
    // Only one request can move a row out of awaiting_approval: a replay racing this one finds nothing to claim.
    const won = await decideApproval(scope.db, part.approvalId, {
      approved: part.approved,
      by: scope.identity.subject,
    });
    if (!won) refuse([{ path: 'messages', message: 'This approval was already answered.' }]);
    claimed.set(part.approvalId, { record, approved: part.approved });
  }
  return claimed;
}
