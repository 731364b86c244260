import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../shared/page-context';
import { recordKey } from '../../shared/record-key';
import {
  authorized,
  chatTurn,
  getConversation,
  listConversations,
  type Person,
  person,
} from '../testing/conversations';
import { call, jsonInit, readUIStream, textOf, upstreamRequests, userMessage } from '../testing/support';

/** Quick actions (`POST /v1/actions/:id`) are turns of the record's conversation, stored like a question and answer. */

const ticket: PageContext = {
  url: 'https://acme.zendesk.com/agent/tickets/4821',
  title: 'Ticket #4821: Refund for annual plan',
  site: 'zendesk',
  kind: 'ticket',
  markdown: 'The customer asks whether the annual plan can be refunded after two months.',
  conversation: { id: '4821', subject: 'Refund for annual plan', fields: [], messages: [], omittedMessages: 0 },
  selection: { text: 'Can the annual plan be refunded after two months?' },
  capturedAt: '2026-12-01T10:00:00.000Z',
};

async function action(who: Person, id: string, body: Record<string, unknown>) {
  const response = await call(`/v1/actions/${id}`, jsonInit({ page: ticket, ...body }, who.token));
  const conversationId = response.headers.get('X-Conversation-Id');
  const chunks = response.headers.get('Content-Type')?.includes('text/event-stream')
    ? await readUIStream(response)
    : [];
  return { response, conversationId, chunks };
}

describe('quick-action turns in the record’s conversation', () => {
  it('stores the request and the summary, so reopening the record shows them', async () => {
    const sam = await person('sam');
    const asked = userMessage('[[reply: The customer wants a refund of the annual plan.]] Summarize this page', 'q-1');
    const summary = await action(sam, 'summarize-page', { messages: [asked] });
    expect(summary.response.status).toBe(200);
    expect(summary.conversationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(textOf(summary.chunks)).toBe('The customer wants a refund of the annual plan.');

    const [listed] = await listConversations(sam, `?record=${encodeURIComponent(recordKey(ticket))}`);
    expect(listed?.id).toBe(summary.conversationId);
    const stored = await getConversation(sam, summary.conversationId as string);
    expect(stored.body.messages.map(({ role, text, status }) => ({ role, text, status }))).toEqual([
      { role: 'user', text: asked.parts[0]?.text, status: 'complete' },
      { role: 'assistant', text: 'The customer wants a refund of the annual plan.', status: 'complete' },
    ]);
    expect(stored.body.messages[0]?.id).toBe('q-1');
    expect(stored.body.recordKey).toBe(recordKey(ticket));
  });

  it('adds a draft to the conversation it is given, after the questions already there', async () => {
    const alex = await person('alex');
    const question = await chatTurn(alex, [userMessage('[[reply: Refunds are pro rata.]] Refund rules?', 'q-1')], {
      page: ticket,
    });
    const conversationId = question.conversationId as string;
    const history = [
      userMessage('Refund rules?', 'q-1'),
      { id: 'a-1', role: 'assistant' as const, parts: [{ type: 'text' as const, text: 'Refunds are pro rata.' }] },
      userMessage('[[reply: Dear customer, your refund is on its way.]] Draft ticket reply', 'q-2'),
    ];
    const draft = await action(alex, 'ticket-reply', { messages: history, conversationId });
    expect(draft.conversationId).toBe(conversationId);
    const stored = await getConversation(alex, conversationId);
    expect(stored.body.messages.map((message) => message.text)).toEqual([
      '[[reply: Refunds are pro rata.]] Refund rules?',
      'Refunds are pro rata.',
      '[[reply: Dear customer, your refund is on its way.]] Draft ticket reply',
      'Dear customer, your refund is on its way.',
    ]);
    expect(await listConversations(alex, `?record=${encodeURIComponent(recordKey(ticket))}`)).toHaveLength(1);
  });

  it('without messages, stores the action’s own request as the person’s words', async () => {
    const priya = await person('priya');
    const summary = await action(priya, 'summarize-selection', {});
    expect(summary.response.status).toBe(200);
    const stored = await getConversation(priya, summary.conversationId as string);
    expect(stored.body.title).toBe('Summarize the selected text');
    expect(stored.body.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(stored.body.messages[1]?.text).toBe(textOf(summary.chunks));
  });

  it('answers 404 for another person’s conversation before any model is called, and stores nothing there', async () => {
    const owner = await person('owner');
    const other = await person('other');
    const first = await action(owner, 'summarize-page', { messages: [userMessage('[[reply: Mine.]] Summarize')] });
    const before = (await upstreamRequests()).length;
    const refused = await action(other, 'summarize-page', {
      messages: [userMessage('[[reply: Stolen.]] Summarize')],
      conversationId: first.conversationId,
    });
    expect(refused.response.status).toBe(404);
    expect((await upstreamRequests()).length).toBe(before);
    const stored = await getConversation(owner, first.conversationId as string);
    expect(stored.body.messages.map((message) => message.text)).toEqual(['[[reply: Mine.]] Summarize', 'Mine.']);
    const response = await call(`/v1/conversations/${first.conversationId}`, authorized(other.token));
    expect(response.status).toBe(404);
  });
});
