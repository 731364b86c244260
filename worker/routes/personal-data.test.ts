import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../shared/conversations';
import { PersonalDataErasure, PersonalDataExport } from '../../shared/personal-data';
import { readConfig } from '../config';
import { pseudonymOf } from '../oversight/pseudonym';
import {
  authorized,
  chatTurn,
  getConversation,
  listConversations,
  person,
  userMessage,
} from '../testing/conversations';
import { call, testEnv } from '../testing/support';

/** Usage events of a person (by the pseudonym the worker stores), once the ones written after the stream are in. */
async function usageOf(subject: string, atLeast = 0): Promise<number> {
  const person = await pseudonymOf(subject, readConfig(await testEnv()).oversight.pseudonymKey);
  const count = async () =>
    (
      await env.DB.prepare('SELECT count(*) AS n FROM usage_events WHERE person = ?')
        .bind(person)
        .first<{ n: number }>()
    )?.n ?? 0;
  const deadline = Date.now() + 10_000;
  let n = await count();
  while (n < atLeast && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    n = await count();
  }
  return n;
}

async function rowsOf(subject: string) {
  const row = await env.DB.prepare(
    `SELECT (SELECT count(*) FROM conversations WHERE owner = ?1) AS conversations,
            (SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.owner = ?1) AS messages`,
  )
    .bind(subject)
    .first<{ conversations: number; messages: number }>();
  return row;
}

describe('GET /v1/me/data', () => {
  it('exports every conversation of the caller with its messages, and nobody else’s', async () => {
    const sam = await person('sam');
    const alex = await person('alex');
    const first = await chatTurn(sam, [userMessage('[[reply: Negotiation.]] Stage of Acme?')]);
    await chatTurn(sam, [userMessage('[[reply: Ok.]] Second one')]);
    await chatTurn(alex, [userMessage('[[reply: Alex only.]] Alex’s secret question')]);

    const response = await call('/v1/me/data', authorized(sam.token));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toContain('attachment');
    expect(response.headers.get('Cache-Control')).toContain('no-store');
    const exported = PersonalDataExport.parse(await response.json());
    expect(exported.subject).toBe(sam.subject);
    const conversations = exported.data.conversations as ConversationDetail[];
    expect(conversations).toHaveLength(2);
    expect(conversations[0]?.id).toBe(first.conversationId);
    expect(conversations[0]?.messages.map((message) => message.text)).toEqual([
      '[[reply: Negotiation.]] Stage of Acme?',
      'Negotiation.',
    ]);
    expect(JSON.stringify(exported)).not.toContain('Alex');
  });
});

describe('DELETE /v1/me/data', () => {
  it('erases every conversation and message of the caller and leaves others’ untouched', async () => {
    const sam = await person('sam');
    const alex = await person('alex');
    const samTurn = await chatTurn(sam, [userMessage('[[reply: ok]] One')]);
    await chatTurn(sam, [userMessage('[[reply: ok]] Two')]);
    const alexTurn = await chatTurn(alex, [userMessage('[[reply: ok]] Alex keeps this')]);
    expect(await rowsOf(sam.subject)).toEqual({ conversations: 2, messages: 4 });
    expect(await usageOf(sam.subject, 2)).toBe(2);
    expect(await usageOf(alex.subject, 1)).toBe(1);

    const response = await call('/v1/me/data', authorized(sam.token, { method: 'DELETE' }));
    expect(response.status).toBe(200);
    const { erased } = PersonalDataErasure.parse(await response.json());
    expect(erased.conversations).toEqual({ conversations: 2, messages: 4 });
    expect(erased.usage).toEqual({ events: 2, feedback: 0 });
    expect(await usageOf(sam.subject)).toBe(0);
    expect(await usageOf(alex.subject)).toBe(1);

    expect(await rowsOf(sam.subject)).toEqual({ conversations: 0, messages: 0 });
    const orphans = await env.DB.prepare('SELECT count(*) AS n FROM messages WHERE conversation_id = ?')
      .bind(samTurn.conversationId)
      .first<{ n: number }>();
    expect(orphans?.n).toBe(0);
    expect(await listConversations(sam)).toEqual([]);
    expect((await getConversation(sam, samTurn.conversationId!)).status).toBe(404);

    expect(await rowsOf(alex.subject)).toEqual({ conversations: 1, messages: 2 });
    expect((await getConversation(alex, alexTurn.conversationId!)).body.messages).toHaveLength(2);

    const exported = PersonalDataExport.parse(await (await call('/v1/me/data', authorized(sam.token))).json());
    expect(exported.data.conversations).toEqual([]);
  });

  it('needs a signed-in caller', async () => {
    expect((await call('/v1/me/data', { method: 'DELETE' })).status).toBe(401);
    expect((await call('/v1/me/data')).status).toBe(401);
  });
});
