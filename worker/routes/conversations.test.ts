import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../shared/page-context';
import { recordKey } from '../../shared/record-key';
import {
  authorized,
  chatTurn,
  getConversation,
  listConversations,
  person,
  userMessage,
} from '../testing/conversations';
import { call } from '../testing/support';

const ticket = (id: string): PageContext => ({
  url: `https://acme.zendesk.com/agent/tickets/${id}`,
  title: `Ticket #${id}: Refund`,
  site: 'zendesk',
  kind: 'ticket',
  markdown: 'The customer asks for a refund.',
  conversation: { id, subject: 'Refund', fields: [], messages: [], omittedMessages: 0 },
  capturedAt: '2026-12-01T10:00:00.000Z',
});

async function problem(response: Response) {
  expect(response.headers.get('Content-Type')).toContain('application/problem+json');
  return (await response.json()) as { code: string; status: number };
}

function patch(token: string, id: string, body: unknown) {
  return call(
    `/v1/conversations/${id}`,
    authorized(token, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

describe('GET /v1/conversations', () => {
  it('lists the caller’s conversations of one record, newest first', async () => {
    const alex = await person('alex');
    const first = await chatTurn(alex, [userMessage('[[reply: ok]] First about 4821')], { page: ticket('4821') });
    await chatTurn(alex, [userMessage('[[reply: ok]] About 5000')], { page: ticket('5000') });
    const second = await chatTurn(alex, [userMessage('[[reply: ok]] Second about 4821')], { page: ticket('4821') });

    const key = recordKey(ticket('4821'));
    expect(key).toBe('zendesk:acme:ticket:4821');
    const listed = await listConversations(alex, `?record=${encodeURIComponent(key)}`);
    expect(listed.map((conversation) => conversation.id)).toEqual([second.conversationId, first.conversationId]);
    expect(listed.every((conversation) => conversation.recordKey === key)).toBe(true);
    expect(await listConversations(alex)).toHaveLength(3);
    expect(await listConversations(alex, `?record=${encodeURIComponent(key)}&limit=1`)).toHaveLength(1);
  });

  it('finds conversations by words of their title or of any message, literally', async () => {
    const alex = await person('alex');
    const refund = await chatTurn(alex, [userMessage('[[reply: The warehouse confirmed the parcel.]] Refund status?')]);
    const pricing = await chatTurn(alex, [userMessage('[[reply: 12% off for 100_000 seats]] Discount?')]);
    const byAnswer = await listConversations(alex, '?q=WAREHOUSE');
    expect(byAnswer.map((conversation) => conversation.id)).toEqual([refund.conversationId]);
    const byTitle = await listConversations(alex, '?q=discount');
    expect(byTitle.map((conversation) => conversation.id)).toEqual([pricing.conversationId]);
    // LIKE wildcards typed by a person match themselves only.
    expect((await listConversations(alex, `?q=${encodeURIComponent('12%')}`)).map((c) => c.id)).toEqual([
      pricing.conversationId,
    ]);
    expect(await listConversations(alex, `?q=${encodeURIComponent('%')}`)).toHaveLength(1);
    expect(await listConversations(alex, `?q=${encodeURIComponent('_')}`)).toHaveLength(1);
    expect(await listConversations(alex, '?q=nothing-like-this')).toEqual([]);
  });

  it('never lists another person’s conversations, even for the same record or words', async () => {
    const sam = await person('sam');
    const alex = await person('alex');
    await chatTurn(sam, [userMessage('[[reply: ok]] Sam on 4821')], { page: ticket('4821') });
    const key = encodeURIComponent(recordKey(ticket('4821')));
    expect(await listConversations(alex, `?record=${key}`)).toEqual([]);
    expect(await listConversations(alex, '?q=Sam')).toEqual([]);
  });

  it('refuses malformed queries with invalid_request', async () => {
    const alex = await person('alex');
    for (const query of ['?limit=0', '?limit=abc', '?limit=1000', '?before=yesterday', `?q=${'x'.repeat(201)}`]) {
      const response = await call(`/v1/conversations${query}`, authorized(alex.token));
      expect(response.status, query).toBe(400);
      expect((await problem(response)).code).toBe('invalid_request');
    }
  });

  it('pages with `before`', async () => {
    const alex = await person('alex');
    for (const n of [1, 2, 3]) await chatTurn(alex, [userMessage(`[[reply: ok]] Question ${n}`)]);
    const [newest, middle] = await listConversations(alex, '?limit=2');
    const rest = await listConversations(alex, `?limit=2&before=${encodeURIComponent(middle!.updatedAt)}`);
    expect(rest).toHaveLength(1);
    expect([newest, middle, ...rest].map((conversation) => conversation?.title)).toEqual([
      '[[reply: ok]] Question 3',
      '[[reply: ok]] Question 2',
      '[[reply: ok]] Question 1',
    ]);
  });

  it('needs a signed-in caller', async () => {
    const response = await call('/v1/conversations');
    expect(response.status).toBe(401);
  });
});

describe('one conversation: GET, PATCH, DELETE', () => {
  it('renames and deletes the caller’s conversation', async () => {
    const alex = await person('alex');
    const turn = await chatTurn(alex, [userMessage('[[reply: ok]] Refund?')], { page: ticket('4821') });
    const id = turn.conversationId!;

    const renamed = await patch(alex.token, id, { title: '  Refund for Jane  ' });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { title: string }).title).toBe('Refund for Jane');
    expect((await getConversation(alex, id)).body.title).toBe('Refund for Jane');

    const deleted = await call(`/v1/conversations/${id}`, authorized(alex.token, { method: 'DELETE' }));
    expect(deleted.status).toBe(204);
    expect((await getConversation(alex, id)).status).toBe(404);
    expect(await listConversations(alex)).toEqual([]);
    const again = await call(`/v1/conversations/${id}`, authorized(alex.token, { method: 'DELETE' }));
    expect(again.status).toBe(404);
  });

  it('answers 404 for another person’s conversation, for every method, and changes nothing', async () => {
    const sam = await person('sam');
    const alex = await person('alex');
    const turn = await chatTurn(sam, [userMessage('[[reply: ok]] Sam’s private question')]);
    const id = turn.conversationId!;

    const read = await call(`/v1/conversations/${id}`, authorized(alex.token));
    expect(read.status).toBe(404);
    const refusal = await problem(read);
    expect(refusal).toMatchObject({ code: 'not_found' });
    const renamed = await patch(alex.token, id, { title: 'Taken over' });
    expect(renamed.status).toBe(404);
    const deleted = await call(`/v1/conversations/${id}`, authorized(alex.token, { method: 'DELETE' }));
    expect(deleted.status).toBe(404);

    // Exactly what an id that does not exist gets: nothing tells Alex the conversation is there.
    const missing = await call(`/v1/conversations/${crypto.randomUUID()}`, authorized(alex.token));
    expect(missing.status).toBe(404);
    const { instance: _readInstance, ...refused } = refusal as Record<string, unknown>;
    const { instance: _missingInstance, ...absent } = (await problem(missing)) as Record<string, unknown>;
    expect(refused).toEqual(absent);

    const { status, body } = await getConversation(sam, id);
    expect(status).toBe(200);
    expect(body.title).toBe('[[reply: ok]] Sam’s private question');
    expect(body.messages).toHaveLength(2);
  });

  it('refuses malformed ids and bodies with problem+json and stable codes', async () => {
    const alex = await person('alex');
    const turn = await chatTurn(alex, [userMessage('[[reply: ok]] Hello')]);
    const id = turn.conversationId!;

    for (const bad of ['not-a-uuid', "1' OR '1'='1", '%00']) {
      const response = await call(`/v1/conversations/${encodeURIComponent(bad)}`, authorized(alex.token));
      expect(response.status, bad).toBe(400);
      expect((await problem(response)).code).toBe('invalid_request');
    }
    const cases: [unknown, number, string][] = [
      [{}, 400, 'invalid_request'],
      [{ title: '' }, 400, 'invalid_request'],
      [{ title: '   ' }, 400, 'invalid_request'],
      [{ title: 'x'.repeat(201) }, 400, 'invalid_request'],
      [{ title: 42 }, 400, 'invalid_request'],
      [{ title: 'ok', owner: 'someone-else' }, 400, 'invalid_request'],
      ['{"title":', 400, 'invalid_json'],
    ];
    for (const [body, status, code] of cases) {
      const response = await patch(alex.token, id, body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect((await problem(response)).code).toBe(code);
    }
    const notJson = await call(
      `/v1/conversations/${id}`,
      authorized(alex.token, { method: 'PATCH', headers: { 'Content-Type': 'text/plain' }, body: 'title' }),
    );
    expect(notJson.status).toBe(415);
    expect((await getConversation(alex, id)).body.title).toBe('[[reply: ok]] Hello');
  });
});
