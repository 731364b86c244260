import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { decideApproval, finishApprovedCall, insertToolCall } from '../tools/call-log';

describe('audit log: tool calls that write', () => {
  it('an approved write that ran is audited with who approved it and how it ended', async () => {
    const approvalId = crypto.randomUUID();
    const where = { conversationId: `c-${approvalId}`, subject: 'sam', toolCallId: `call-${approvalId}` };
    await insertToolCall(env.DB, {
      approvalId,
      ...where,
      assistantId: 'sales',
      toolId: 'crm.update_stage',
      toolName: 'update_stage',
      arguments: { stage: 'Closed Won' },
      readOnly: false,
      status: 'awaiting_approval',
    });
    expect(await decideApproval(env.DB, approvalId, { approved: true, by: 'sam@example.com' })).toBe(true);
    expect(await finishApprovedCall(env.DB, where, { status: 'ok' })).toBe(true);

    const { results } = await env.DB.prepare(
      `SELECT actor, action, target, details FROM audit_log WHERE action = 'tool.write' AND instr(details, ?) > 0`,
    )
      .bind(where.toolCallId)
      .all<{ actor: string; action: string; target: string; details: string }>();
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ actor: 'sam@example.com', target: 'update_stage' });
    expect(JSON.parse(results[0]?.details ?? '{}')).toMatchObject({
      tool: 'crm.update_stage',
      assistant: 'sales',
      approvedBy: 'sam@example.com',
      outcome: 'ok',
    });
    // Arguments may carry customer data: the audit names the call, the tool-call log keeps its input.
    expect(results[0]?.details).not.toContain('Closed Won');
  });

  it('a call that was never approved writes no audit entry', async () => {
    const where = { conversationId: 'c-none', subject: 'sam', toolCallId: `call-${crypto.randomUUID()}` };
    expect(await finishApprovedCall(env.DB, where, { status: 'ok' })).toBe(false);
    const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE instr(details, ?) > 0`)
      .bind(where.toolCallId)
      .first<{ n: number }>();
    expect(row?.n).toBe(0);
  });
});
