/**
 * Appends `tool.write` to the audit log for an approved tool call that has run, from the tool-call log's own row:
 * the tool, the assistant, the conversation, who approved it and how it ended. One statement, so the entry says
 * exactly what the log says.
 */
export async function auditToolWrite(
  db: D1Database,
  where: { conversationId: string; subject: string; toolCallId: string },
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, target, details)
       SELECT ?, coalesce(approved_by, subject), 'tool.write', tool_name,
              json_object('tool', tool_id, 'assistant', assistant_id, 'conversationId', conversation_id,
                          'toolCallId', tool_call_id, 'approvedBy', approved_by, 'outcome', status, 'error', error)
       FROM tool_calls
       WHERE conversation_id = ? AND subject = ? AND tool_call_id = ? AND read_only = 0 AND status IN ('ok', 'error')`,
    )
    .bind(new Date().toISOString(), where.conversationId, where.subject, where.toolCallId)
    .run();
}
