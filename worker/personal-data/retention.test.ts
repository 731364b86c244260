import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Env } from '../env';
import worker from '../index';
import { chatTurn, getConversation, person, userMessage } from '../testing/conversations';
import { testEnv } from '../testing/support';

const DAY = 24 * 60 * 60 * 1000;

/** Moves a conversation and its messages back in time, as if written `days` ago. */
async function age(conversationId: string, days: number, what: 'all' | 'first-message' = 'all') {
  const at = (iso: string) => new Date(Date.parse(iso) - days * DAY).toISOString();
  const rows = await env.DB.prepare('SELECT seq, created_at FROM messages WHERE conversation_id = ? ORDER BY seq')
    .bind(conversationId)
    .all<{ seq: number; created_at: string }>();
  const targets = what === 'all' ? rows.results : rows.results.slice(0, 1);
  for (const row of targets) {
    await env.DB.prepare('UPDATE messages SET created_at = ? WHERE seq = ?').bind(at(row.created_at), row.seq).run();
  }
  if (what === 'all') {
    const conversation = await env.DB.prepare('SELECT created_at, updated_at FROM conversations WHERE id = ?')
      .bind(conversationId)
      .first<{ created_at: string; updated_at: string }>();
    await env.DB.prepare('UPDATE conversations SET created_at = ?, updated_at = ? WHERE id = ?')
      .bind(at(conversation!.created_at), at(conversation!.updated_at), conversationId)
      .run();
  }
}

/** Runs the worker's own scheduled handler, as the cron trigger does, and waits for its work. */
async function runCron(environment: Env, scheduledTime = Date.now()) {
  const context = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime, cron: '17 3 * * *' }), environment, context);
  await waitOnExecutionContext(context);
}

describe('retention: the scheduled handler deletes what is older than RETENTION_DAYS', () => {
  it('deletes conversations untouched for longer than the default 90 days, keeps the rest', async () => {
    const sam = await person('sam');
    const old = await chatTurn(sam, [userMessage('[[reply: ok]] Old question')]);
    const recent = await chatTurn(sam, [userMessage('[[reply: ok]] Recent question')]);
    await age(old.conversationId!, 91);
    await age(recent.conversationId!, 89);

    await runCron(await testEnv());

    expect((await getConversation(sam, old.conversationId!)).status).toBe(404);
    const orphans = await env.DB.prepare('SELECT count(*) AS n FROM messages WHERE conversation_id = ?')
      .bind(old.conversationId)
      .first<{ n: number }>();
    expect(orphans?.n).toBe(0);
    expect((await getConversation(sam, recent.conversationId!)).body.messages).toHaveLength(2);
  });

  it('honours RETENTION_DAYS, and deletes old messages of a conversation still in use', async () => {
    const sam = await person('sam');
    const turn = await chatTurn(sam, [userMessage('[[reply: ok]] Kept for a week')]);
    await age(turn.conversationId!, 8, 'first-message');

    await runCron(await testEnv({ RETENTION_DAYS: '30' }));
    expect((await getConversation(sam, turn.conversationId!)).body.messages).toHaveLength(2);

    await runCron(await testEnv({ RETENTION_DAYS: '7' }));
    const { status, body } = await getConversation(sam, turn.conversationId!);
    expect(status).toBe(200);
    expect(body.messages.map((message) => message.role)).toEqual(['assistant']);
  });

  it('counts from the time the run was scheduled for', async () => {
    const sam = await person('sam');
    const turn = await chatTurn(sam, [userMessage('[[reply: ok]] Today')]);
    await runCron(await testEnv({ RETENTION_DAYS: '1' }), Date.now() + 2 * DAY);
    expect((await getConversation(sam, turn.conversationId!)).status).toBe(404);
  });

  it('deletes nothing when RETENTION_DAYS is unusable, and the API says the server is misconfigured', async () => {
    const sam = await person('sam');
    const turn = await chatTurn(sam, [userMessage('[[reply: ok]] Keep me')]);
    await age(turn.conversationId!, 400);
    for (const value of ['0', '-5', 'ninety', '30 days', '1e3']) {
      const environment = await testEnv({ RETENTION_DAYS: value });
      await runCron(environment);
      const response = await worker.fetch(
        new Request('http://worker/v1/conversations', { headers: { Authorization: `Bearer ${sam.token}` } }),
        environment,
        createExecutionContext(),
      );
      expect(response.status, value).toBe(503);
      expect(((await response.json()) as { code: string }).code).toBe('server_misconfigured');
    }
    expect((await getConversation(sam, turn.conversationId!)).body.messages).toHaveLength(2);
  });
});
