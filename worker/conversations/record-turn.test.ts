import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../shared/page-context';
import { recordKey } from '../../shared/record-key';
import { chatTurn, getConversation, listConversations, person, userMessage } from '../testing/conversations';
import { call, jsonInit, readUIStream, testEnv, textOf, upstreamRequests } from '../testing/support';

const opportunity: PageContext = {
  url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZabAAF/view',
  title: 'Opportunity: Acme renewal',
  site: 'salesforce-lightning',
  kind: 'record',
  markdown: 'Stage: Negotiation. Amount: 120,000 EUR.',
  record: {
    objectType: 'Opportunity',
    id: '0065g00000XyZabAAF',
    name: 'Acme renewal',
    fields: [],
    related: [],
    activity: [],
  },
  capturedAt: '2026-12-01T10:00:00.000Z',
};

async function storedAnswer(conversationId: string) {
  return env.DB.prepare(
    "SELECT text, status FROM messages WHERE conversation_id = ? AND role = 'assistant' ORDER BY seq DESC LIMIT 1",
  )
    .bind(conversationId)
    .first<{ text: string; status: string }>();
}

async function storedQuestion(conversationId: string) {
  return env.DB.prepare("SELECT text FROM messages WHERE conversation_id = ? AND role = 'user'")
    .bind(conversationId)
    .first<{ text: string }>();
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a chat turn is stored in the caller’s conversation', () => {
  it('stores the question and the streamed answer, with its sources and model, about the record', async () => {
    const sam = await person('sam');
    const question = userMessage('[[reply: The renewal is in negotiation [P].]] Where are we?');
    const turn = await chatTurn(sam, [question], { page: opportunity });
    expect(turn.response.status).toBe(200);
    expect(turn.conversationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(textOf(turn.chunks)).toBe('The renewal is in negotiation [P].');

    const { status, body } = await getConversation(sam, turn.conversationId!);
    expect(status).toBe(200);
    expect(body.recordKey).toBe('salesforce:acme:Opportunity:0065g00000XyZab');
    expect(body.recordKey).toBe(recordKey(opportunity));
    expect(body.recordTitle).toBe('Opportunity: Acme renewal');
    expect(body.title).toBe('[[reply: The renewal is in negotiation [P].]] Where are we?');
    expect(body.messages.map((message) => [message.role, message.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    const [asked, answered] = body.messages;
    expect(asked?.id).toBe(question.id);
    expect(answered?.text).toBe('The renewal is in negotiation [P].');
    // The model that actually answered (the stream's answeredBy metadata), and the assistant that ran.
    expect(answered?.model).toBe('test-chat');
    expect(answered?.assistant).toMatch(/^[a-z0-9-]{1,64}$/);
    expect(answered?.sources.map((source) => [source.label, source.kind, source.url])).toEqual([
      ['P', 'page', opportunity.url],
    ]);
  });

  it('continues the conversation the request names, in order', async () => {
    const sam = await person('sam');
    const first = userMessage('[[reply: Negotiation.]] Stage?');
    const turn = await chatTurn(sam, [first], { page: opportunity });
    const answerId = crypto.randomUUID();
    const second = userMessage('[[reply: 120,000 EUR.]] Amount?');
    const next = await chatTurn(
      sam,
      [first, { id: answerId, role: 'assistant', parts: [{ type: 'text', text: 'Negotiation.' }] }, second],
      { conversationId: turn.conversationId!, page: opportunity },
    );
    expect(next.conversationId).toBe(turn.conversationId);
    const { body } = await getConversation(sam, turn.conversationId!);
    expect(body.messages.map((message) => message.text)).toEqual([
      first.parts[0]?.text,
      'Negotiation.',
      second.parts[0]?.text,
      '120,000 EUR.',
    ]);
  });

  it('has the answer in its place before the panel sees its end, so the next turn is stored after it', async () => {
    const sam = await person('sam');
    // As deployed: work after the response is left to the runtime (waitUntil), and the database is slow to write.
    const background: Promise<unknown>[] = [];
    const executionCtx = {
      waitUntil: (work: Promise<unknown>) => void background.push(work),
      passThroughOnException: () => {},
      props: {},
    } as unknown as ExecutionContext;
    const slowWrites = new Proxy(env.DB, {
      get(database, property) {
        if (property === 'batch') {
          return async (statements: D1PreparedStatement[]) => {
            await new Promise((resolve) => setTimeout(resolve, 150));
            return database.batch(statements);
          };
        }
        const value = Reflect.get(database, property);
        return typeof value === 'function' ? value.bind(database) : value;
      },
    });
    const response = await call(
      '/v1/chat',
      jsonInit({ messages: [userMessage('[[reply: Negotiation.]] Stage?')], page: opportunity }, sam.token),
      await testEnv({ DB: slowWrites }),
      executionCtx,
    );
    const conversationId = response.headers.get('X-Conversation-Id')!;
    expect(textOf(await readUIStream(response))).toBe('Negotiation.');
    // The panel may send the next turn now: the answer has taken its place (its later saves only update it).
    expect(await storedAnswer(conversationId)).toMatchObject({ text: 'Negotiation.' });
    await Promise.all(background);
  });

  it('replaces the last answer when it is regenerated', async () => {
    const sam = await person('sam');
    const question = userMessage('[[reply: First try.]] Summarise');
    const turn = await chatTurn(sam, [question]);
    const retried = { ...question, parts: [{ type: 'text' as const, text: '[[reply: Second try.]] Summarise' }] };
    await chatTurn(sam, [retried], { conversationId: turn.conversationId!, trigger: 'regenerate-message' });
    const { body } = await getConversation(sam, turn.conversationId!);
    expect(body.messages.map((message) => [message.role, message.text])).toEqual([
      ['user', '[[reply: Second try.]] Summarise'],
      ['assistant', 'Second try.'],
    ]);
  });

  it('refuses to continue another person’s conversation: 404, nothing stored, no model called', async () => {
    const sam = await person('sam');
    const alex = await person('alex');
    const turn = await chatTurn(sam, [userMessage('[[reply: Private.]] Sam’s question')]);
    const intrusion = await chatTurn(alex, [userMessage('[[reply: Leaked?]] Alex writes here')], {
      conversationId: turn.conversationId!,
    });
    expect(intrusion.response.status).toBe(404);
    expect(intrusion.response.headers.get('Content-Type')).toContain('application/problem+json');
    expect(((await intrusion.response.json()) as { code: string }).code).toBe('not_found');
    const { body } = await getConversation(sam, turn.conversationId!);
    expect(body.messages).toHaveLength(2);
    expect(JSON.stringify(body)).not.toContain('Alex writes here');
    const prompts = (await upstreamRequests()).map((request) => JSON.stringify(request.body));
    expect(prompts.some((prompt) => prompt.includes('Sam’s question'))).toBe(true);
    expect(prompts.some((prompt) => prompt.includes('Alex writes here'))).toBe(false);
  });

  it('refuses a conversation id that is not one the server gives', async () => {
    const sam = await person('sam');
    const response = await call(
      '/v1/chat',
      jsonInit({ messages: [userMessage('hello')], conversationId: "x' OR 1=1 --" }, sam.token),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('invalid_request');
  });

  it('keeps what was said when the reader goes away mid-answer, and saves while it streams', async () => {
    const sam = await person('sam');
    const words = Array.from({ length: 40 }, (_, index) => `word${index}`).join(' ');
    const response = await call(
      '/v1/chat',
      jsonInit({ messages: [userMessage(`[[chunk-delay: 100]] [[reply: ${words}]] Tell me`)] }, sam.token),
    );
    const conversationId = response.headers.get('X-Conversation-Id')!;
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    while (!received.includes('word15')) received += decoder.decode((await reader.read()).value, { stream: true });

    // Saved while streaming (every second), before the end.
    const during = await until(
      () => storedAnswer(conversationId),
      (row) => row !== null,
    );
    expect(during?.status).toBe('streaming');
    expect(during?.text).toMatch(/^word0 word1 /);

    await reader.cancel();
    const after = await until(
      () => storedAnswer(conversationId),
      (row) => row?.status === 'stopped',
    );
    expect(after?.status).toBe('stopped');
    expect(after?.text).toContain('word15');
    expect(after?.text).not.toContain('word39');
  });

  it('stores the question once the model has begun answering, not before (it never holds up the first token)', async () => {
    const sam = await person('sam');
    const marker = crypto.randomUUID();
    const response = await call(
      '/v1/chat',
      jsonInit({ messages: [userMessage(`[[delay: 1500]] [[reply: Here.]] Question ${marker}`)] }, sam.token),
    );
    const conversationId = response.headers.get('X-Conversation-Id')!;
    // The model has the question and has not answered yet: nothing of the model's has passed, so no write started.
    const asked = await until(
      async () => (await upstreamRequests()).some((request) => JSON.stringify(request.body).includes(marker)),
      Boolean,
    );
    expect(asked).toBe(true);
    expect(await storedQuestion(conversationId)).toBeNull();
    // Read to the end: the question is stored, ahead of the answer.
    await response.text();
    const { body } = await getConversation(sam, conversationId);
    expect(body.messages.map((message) => [message.role, message.text])).toEqual([
      ['user', `[[delay: 1500]] [[reply: Here.]] Question ${marker}`],
      ['assistant', 'Here.'],
    ]);
  });

  it('keeps the question when the reader goes away before the model said anything', async () => {
    const sam = await person('sam');
    const marker = crypto.randomUUID();
    const response = await call(
      '/v1/chat',
      jsonInit({ messages: [userMessage(`[[delay: 3000]] [[reply: Too late.]] Question ${marker}`)] }, sam.token),
    );
    const conversationId = response.headers.get('X-Conversation-Id')!;
    await until(
      async () => (await upstreamRequests()).some((request) => JSON.stringify(request.body).includes(marker)),
      Boolean,
    );
    await response.body!.cancel();
    const question = await until(
      () => storedQuestion(conversationId),
      (row) => row !== null,
    );
    expect(question?.text).toBe(`[[delay: 3000]] [[reply: Too late.]] Question ${marker}`);
  });

  it('keeps the question when the request fails before any answer (an assistant that does not exist)', async () => {
    const sam = await person('sam');
    const marker = crypto.randomUUID();
    const response = await call(
      '/v1/chat',
      jsonInit({ assistantId: 'no-such-assistant', messages: [userMessage(`Question ${marker}`)] }, sam.token),
    );
    expect(response.status).toBe(404);
    const conversations = await until(
      () => listConversations(sam),
      (list) => list.length > 0,
    );
    expect(conversations.map((conversation) => conversation.title)).toEqual([`Question ${marker}`]);
  });

  it('marks an answer that failed midway, keeping its text', async () => {
    const sam = await person('sam');
    const turn = await chatTurn(sam, [userMessage('[[disconnect-after: 3]] [[reply: one two three four five]] Go')]);
    const row = await storedAnswer(turn.conversationId!);
    expect(row?.status).toBe('failed');
    expect(row?.text).toBe('one two three');
  });
});
