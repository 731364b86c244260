import { auditToolWrite } from '../oversight/tool-audit';

/**
 * The tool-call log (D1 `tool_calls`): one row per call, written by the server only. It is also the ledger of
 * approvals: the row of a call that needs the person's approval is written when the approval is asked for, and
 * a follow-up request may answer only an approval found here (see approvals.ts).
 */

export type ToolCallStatus = 'awaiting_approval' | 'approved' | 'denied' | 'ok' | 'error';

export interface ToolCallRecord {
  id: string;
  approvalId: string | null;
  conversationId: string;
  subject: string;
  assistantId: string;
  toolId: string;
  toolName: string;
  toolCallId: string;
  arguments: unknown;
  readOnly: boolean;
  status: ToolCallStatus;
  approvedBy: string | null;
  error: string | null;
  createdAt: string;
}

interface Row {
  id: string;
  approval_id: string | null;
  conversation_id: string;
  subject: string;
  assistant_id: string;
  tool_id: string;
  tool_name: string;
  tool_call_id: string;
  arguments: string;
  read_only: number;
  status: ToolCallStatus;
  approved_by: string | null;
  error: string | null;
  created_at: string;
}

function fromRow(row: Row): ToolCallRecord {
  return {
    id: row.id,
    approvalId: row.approval_id,
    conversationId: row.conversation_id,
    subject: row.subject,
    assistantId: row.assistant_id,
    toolId: row.tool_id,
    toolName: row.tool_name,
    toolCallId: row.tool_call_id,
    arguments: JSON.parse(row.arguments),
    readOnly: row.read_only === 1,
    status: row.status,
    approvedBy: row.approved_by,
    error: row.error,
    createdAt: row.created_at,
  };
}

export interface NewToolCall {
  approvalId?: string;
  conversationId: string;
  subject: string;
  assistantId: string;
  toolId: string;
  toolName: string;
  toolCallId: string;
  arguments: unknown;
  readOnly: boolean;
  status: ToolCallStatus;
  error?: string;
}

const now = () => new Date().toISOString();
/** Error text kept in the log: enough to tell what went wrong, never a whole upstream body. */
const MAX_ERROR = 500;

export async function insertToolCall(db: D1Database, call: NewToolCall): Promise<void> {
  const finished = call.status === 'ok' || call.status === 'error' ? now() : null;
  await db
    .prepare(
      `INSERT INTO tool_calls (id, approval_id, conversation_id, subject, assistant_id, tool_id, tool_name, tool_call_id,
         arguments, read_only, status, error, created_at, finished_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      crypto.randomUUID(),
      call.approvalId ?? null,
      call.conversationId,
      call.subject,
      call.assistantId,
      call.toolId,
      call.toolName,
      call.toolCallId,
      JSON.stringify(call.arguments ?? null),
      call.readOnly ? 1 : 0,
      call.status,
      call.error?.slice(0, MAX_ERROR) ?? null,
      now(),
      finished,
    )
    .run();
}

export async function findApprovals(db: D1Database, approvalIds: readonly string[]): Promise<ToolCallRecord[]> {
  if (approvalIds.length === 0) return [];
  const { results } = await db
    .prepare('SELECT * FROM tool_calls WHERE approval_id IN (SELECT value FROM json_each(?))')
    .bind(JSON.stringify(approvalIds))
    .all<Row>();
  return results.map(fromRow);
}

/**
 * Records the person's decision, once: only a row still awaiting approval changes, so two requests racing with
 * the same answer cannot both run the call. Returns whether this request made the decision.
 */
export async function decideApproval(
  db: D1Database,
  approvalId: string,
  decision: { approved: boolean; by: string },
): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE tool_calls SET status = ?, approved_by = ?, decided_at = ?
       WHERE approval_id = ? AND status = 'awaiting_approval'`,
    )
    .bind(decision.approved ? 'approved' : 'denied', decision.approved ? decision.by : null, now(), approvalId)
    .run();
  return result.meta.changes === 1;
}

/** How an approved call ended; false when there is no approved row for it (the call ran without approval). */
export async function finishApprovedCall(
  db: D1Database,
  where: { conversationId: string; subject: string; toolCallId: string },
  outcome: { status: 'ok' | 'error'; error?: string },
): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE tool_calls SET status = ?, error = ?, finished_at = ?
       WHERE conversation_id = ? AND subject = ? AND tool_call_id = ? AND status = 'approved'`,
    )
    .bind(
      outcome.status,
      outcome.error?.slice(0, MAX_ERROR) ?? null,
      now(),
      where.conversationId,
      where.subject,
      where.toolCallId,
    )
    .run();
  if (result.meta.changes === 0) return false;
  await auditToolWrite(db, where);
  return true;
}

/** The calls a person made, newest first (for the audit views and tests). */
export async function toolCallsOf(db: D1Database, subject: string, limit = 100): Promise<ToolCallRecord[]> {
  const { results } = await db
    .prepare('SELECT * FROM tool_calls WHERE subject = ? ORDER BY created_at DESC, rowid DESC LIMIT ?')
    .bind(subject, limit)
    .all<Row>();
  return results.map(fromRow);
}
