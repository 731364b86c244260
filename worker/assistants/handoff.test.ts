import { env } from 'cloudflare:test';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AnswerMetadata } from '../../shared/answer-metadata';
import { AssistantSpec, type AssistantSpecInput } from '../../shared/assistants';
import { CONVERSATION_HEADER, ConversationDetail } from '../../shared/conversations';
import { HANDOFF_PART, HandoffEvent } from '../../shared/handoff';
import type { PageContext } from '../../shared/page-context';
import type { Env } from '../env';
import { ADMIN_GROUP, knowledgeEnv, putDocument, resetKnowledge } from '../testing/knowledge';
import { callSettled, resetOversight, usageEvents } from '../testing/oversight';
import {
  call,
  DEV_TOKEN,
  jsonInit,
  signToken,
  type UIChunk,
  type UpstreamRequest,
  upstreamRequests,
  upstreamUrl,
  userMessage,
} from '../testing/support';
import { forgetAdminAssistants } from './catalog';

/** A word only the refund policy holds, so keyword search ranks it first for a question that uses it. */
const POLICY_WORD = `zorblat${crypto.randomUUID().slice(0, 6)}`;

const ticket: PageContext = {
  url: 'https://acme.zendesk.com/agent/tickets/4821',
  title: 'Ticket #4821 · Refund after 120 days',
  site: 'zendesk',
  kind: 'ticket',
  markdown: 'Customer: I bought the annual plan 120 days ago and want a refund.',
  capturedAt: '2026-12-01T10:00:00.000Z',
};

/** Two models, so which assistant wrote which step shows in the model each request asked for. */
const modelsEnv = (overrides: Partial<Env> = {}) =>
  knowledgeEnv({
    MODELS: JSON.stringify({
      providers: { main: { type: 'openai-compatible', baseURL: upstreamUrl(), apiKeyEnv: 'MAIN_KEY' } },
      aliases: { default: ['main:model-everyday'], smart: ['main:model-larger'] },
    }),
    MAIN_KEY: 'main-secret',
    ...overrides,
  } as Partial<Env>);

interface Asked {
  status: number;
  chunks: UIChunk[];
  /** This question's model calls, in order. */
  calls: UpstreamRequest[];
  conversationId: string | null;
}

async function ask(
  directives: string,
  options: { env?: Env; assistantId?: string; words?: string } = {},
): Promise<Asked> {
  const tag = `handoff-${crypto.randomUUID()}`;
  const body = {
    assistantId: options.assistantId ?? 'support-resolver',
    page: ticket,
    messages: [userMessage(`${directives} ${tag} ${options.words ?? `refund ${POLICY_WORD}`}`)],
  };
  const { response, text } = await callSettled('/v1/chat', jsonInit(body), options.env ?? (await modelsEnv()));
  const chunks =
    response.status === 200
      ? text
          .split('\n\n')
          .map((event) => event.replace(/^data: /, '').trim())
          .filter((data) => data && data !== '[DONE]')
          .map((data) => JSON.parse(data) as UIChunk)
      : [];
  const calls = (await upstreamRequests()).filter(
    (request) => request.path.endsWith('/chat/completions') && JSON.stringify(request.body).includes(tag),
  );
  return { status: response.status, chunks, calls, conversationId: response.headers.get(CONVERSATION_HEADER) };
}

const handoffsOf = (chunks: UIChunk[]) =>
  chunks.filter((chunk) => chunk.type === HANDOFF_PART).map((chunk) => HandoffEvent.parse(chunk.data));
const finishOf = (chunks: UIChunk[]) =>
  AnswerMetadata.parse(chunks.find((chunk) => chunk.type === 'finish')?.messageMetadata);
const textAfter = (chunks: UIChunk[], index: number) =>
  chunks
    .slice(index)
    .filter((chunk) => chunk.type === 'text-delta')
    .map((chunk) => chunk.delta)
    .join('');
const systemOf = (request: UpstreamRequest | undefined) =>
  JSON.stringify(
    request?.body?.messages?.filter((message) => message.role === 'system' || message.role === 'developer'),
  );
const toolNames = (request: UpstreamRequest | undefined) =>
  ((request?.body?.tools as { function?: { name?: string } }[] | undefined) ?? []).map((tool) => tool.function?.name);

const assess = (confidence: number, note: string, model?: string) =>
  `[[tool${model ? `@${model}` : ''}: handoff {"confidence":${confidence},"note":"${note}"}]]`;

async function storedAnswerAssistant(conversationId: string | null): Promise<string | null | undefined> {
  const row = await env.DB.prepare(
    "SELECT assistant FROM messages WHERE conversation_id = ? AND role = 'assistant' ORDER BY seq DESC LIMIT 1",
  )
    .bind(conversationId)
    .first<{ assistant: string | null }>();
  return row?.assistant;
}

describe('hand-off on confidence (Support Resolver → Support Investigator)', () => {
  beforeAll(async () => {
    await resetKnowledge();
    const document = {
      id: 'support/refund-policy',
      title: 'Refund policy',
      space: 'company',
      markdown: `# Refund policy\nAnnual plans are refundable within 30 days of purchase. ${POLICY_WORD} refund window.`,
    };
    expect((await putDocument(document, await knowledgeEnv())).status).toBeLessThan(300);
  });
  beforeEach(resetOversight);

  it('keeps the question when the model and retrieval are confident: no hand-off, the Resolver answers', async () => {
    const asked = await ask(assess(0.9, 'covered by the refund policy'));
    expect(asked.status).toBe(200);
    expect(handoffsOf(asked.chunks)).toEqual([]);
    expect(finishOf(asked.chunks)).toMatchObject({
      assistant: { id: 'support-resolver' },
      modelAlias: 'default',
      answeredBy: { model: 'model-everyday' },
    });
    expect(finishOf(asked.chunks).handoff).toBeUndefined();
    // Its assessment, then its answer, both on its own model.
    expect(asked.calls.map((request) => request.body?.model)).toEqual(['model-everyday', 'model-everyday']);
    expect(textAfter(asked.chunks, 0)).toContain('Confident enough');
  });

  it('below the threshold, the same answer continues as the Investigator, after a hand-off note', async () => {
    const note = 'no policy covers refunds after 90 days';
    const reply = 'Needs a human: ask the customer for the order number and whether the plan was used.';
    const asked = await ask(`${assess(0.2, note, 'model-everyday')} [[reply@model-larger: ${reply}]]`);
    expect(asked.status).toBe(200);

    const [handoff, ...others] = handoffsOf(asked.chunks);
    expect(others).toEqual([]);
    expect(handoff).toEqual({
      outcome: 'handed-off',
      from: { id: 'support-resolver', name: 'Support Resolver' },
      to: { id: 'support-investigator', name: 'Support Investigator' },
      reason: note,
      confidence: 0.2,
    });
    // The note comes before the Investigator's words, which follow in the same message.
    const noteAt = asked.chunks.findIndex((chunk) => chunk.type === HANDOFF_PART);
    expect(textAfter(asked.chunks, 0)).toBe(reply);
    expect(textAfter(asked.chunks, noteAt)).toBe(reply);
    expect(asked.chunks.filter((chunk) => chunk.type === 'start')).toHaveLength(1);

    // The stream names who finally answered, on which alias and model, and the hand-off.
    expect(finishOf(asked.chunks)).toMatchObject({
      assistant: { id: 'support-investigator', name: 'Support Investigator' },
      modelAlias: 'smart',
      answeredBy: { alias: 'smart', model: 'model-larger' },
      handoff: { outcome: 'handed-off', to: { id: 'support-investigator' } },
    });

    // The Investigator ran with its own instructions and model, from the question (not the Resolver's steps),
    // with the note as data.
    const [resolver, investigator] = asked.calls;
    expect(resolver?.body?.model).toBe('model-everyday');
    expect(systemOf(resolver)).toContain('You help support agents resolve tickets');
    expect(investigator?.body?.model).toBe('model-larger');
    expect(systemOf(investigator)).toContain('You investigate support tickets');
    expect(systemOf(investigator)).not.toContain('You help support agents resolve tickets');
    expect(systemOf(investigator)).toContain(note);
    expect(investigator?.body?.messages?.some((message) => message.role === 'tool')).toBe(false);
    expect(toolNames(investigator).sort()).toEqual(['handoff', 'read_page', 'search_knowledge']);

    // Storage and usage record the assistant that finally answered.
    expect(await storedAnswerAssistant(asked.conversationId)).toBe('support-investigator');
    const [event] = await usageEvents();
    expect(event).toMatchObject({ assistant: 'support-investigator', model: 'model-larger' });
  });

  it('stores the hand-off note with the answer: the reopened conversation has it, above the Investigator words', async () => {
    const note = 'no policy covers refunds after 120 days';
    const asked = await ask(`${assess(0.2, note, 'model-everyday')} [[reply@model-larger: Ask for the order number.]]`);
    expect(asked.status).toBe(200);
    const response = await call(
      `/v1/conversations/${asked.conversationId}`,
      { headers: { Authorization: `Bearer ${DEV_TOKEN}` } },
      await modelsEnv(),
    );
    expect(response.status).toBe(200);
    const conversation = ConversationDetail.parse(await response.json());
    const answer = conversation.messages.find((message) => message.role === 'assistant');
    expect(answer?.handoffs).toEqual([
      {
        outcome: 'handed-off',
        from: { id: 'support-resolver', name: 'Support Resolver' },
        to: { id: 'support-investigator', name: 'Support Investigator' },
        reason: note,
        confidence: 0.2,
      },
    ]);
    expect(answer?.text).toBe('Ask for the order number.');
    // The question carries none.
    expect(conversation.messages.find((message) => message.role === 'user')?.handoffs).toEqual([]);
  });

  it('hands on when retrieval found nothing that covers the question, however sure the model says it is', async () => {
    const asked = await ask(`${assess(0.95, 'I think I know', 'model-everyday')} [[reply: ok]]`, { words: 'qwxyz' });
    const [handoff] = handoffsOf(asked.chunks);
    expect(handoff?.outcome).toBe('handed-off');
    // The decision used the retrieval's confidence (no passage shares a word with the question), not the model's.
    expect(handoff?.confidence).toBeLessThan(0.5);
  });

  it('hands on at most once: the Investigator asking too gets "needs a human", not another hand-off', async () => {
    const note = 'cannot tell which plan';
    const asked = await ask(assess(0.1, note));
    const events = handoffsOf(asked.chunks);
    expect(events.map((event) => event.outcome)).toEqual(['handed-off', 'needs-human']);
    expect(events[1]).toMatchObject({ from: { id: 'support-investigator' }, reason: note });
    expect(events[1]?.to).toBeUndefined();
    // Resolver: its assessment; Investigator: its assessment, then its answer, told to say "Needs a human".
    expect(asked.calls.map((request) => request.body?.model)).toEqual([
      'model-everyday',
      'model-larger',
      'model-larger',
    ]);
    expect(textAfter(asked.chunks, 0)).toContain('Needs a human');
    expect(finishOf(asked.chunks).assistant?.id).toBe('support-investigator');
  });

  it('the Investigator picked directly never hands on (nobody after it): low confidence means "needs a human"', async () => {
    const asked = await ask(assess(0.1, 'order unknown'), { assistantId: 'support-investigator' });
    expect(handoffsOf(asked.chunks).map((event) => event.outcome)).toEqual(['needs-human']);
    expect(finishOf(asked.chunks).assistant?.id).toBe('support-investigator');
  });

  it('reads HANDOFF_THRESHOLD: at 0.1, a confidence of 0.2 stays with the Resolver', async () => {
    const asked = await ask(assess(0.2, 'unsure', 'model-everyday'), {
      env: await modelsEnv({ HANDOFF_THRESHOLD: '0.1' }),
    });
    expect(handoffsOf(asked.chunks)).toEqual([]);
    expect(finishOf(asked.chunks).assistant?.id).toBe('support-resolver');
  });

  it('refuses to start with an invalid HANDOFF_THRESHOLD: 503 server_misconfigured naming it, no model call', async () => {
    for (const value of ['1.5', 'high', '-0.2']) {
      const asked = await ask(assess(0.2, 'unsure'), { env: await modelsEnv({ HANDOFF_THRESHOLD: value }) });
      expect(asked.status).toBe(503);
      expect(asked.calls).toEqual([]);
    }
    const response = await call(
      '/v1/chat',
      jsonInit({ messages: [userMessage('hello')] }),
      await modelsEnv({ HANDOFF_THRESHOLD: '1.5' }),
    );
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    const problem = (await response.json()) as { code: string; detail?: string };
    expect(problem.code).toBe('server_misconfigured');
    expect(JSON.stringify(problem)).toContain('HANDOFF_THRESHOLD');
  });
});

describe('hand-off between administrators’ assistants', () => {
  const spec = (id: string, handoffTo: string): AssistantSpecInput => ({
    specVersion: 1,
    id,
    name: id === 'tier-one' ? 'Tier one' : 'Tier two',
    description: 'Answers support questions.',
    icon: '•',
    instructions: `${id.toUpperCase()}-INSTRUCTIONS`,
    tools: [{ id: 'handoff', approval: 'never' }],
    handoffTo,
  });
  const admin = () => signToken({ sub: 'admin-1', groups: [ADMIN_GROUP] });
  const create = async (body: AssistantSpecInput) =>
    call('/v1/assistants', jsonInit(body, await admin()), await modelsEnv());

  beforeEach(async () => {
    await env.DB.batch([env.DB.prepare('DELETE FROM assistants'), env.DB.prepare('DELETE FROM assistant_versions')]);
    forgetAdminAssistants(env.DB);
  });

  it('never hands a question back: two assistants that name each other hand on once', async () => {
    expect((await create(spec('tier-one', 'tier-two'))).status).toBe(201);
    expect((await create(spec('tier-two', 'tier-one'))).status).toBe(201);
    const asked = await ask(assess(0.1, 'needs a specialist'), { assistantId: 'tier-one' });
    const events = handoffsOf(asked.chunks);
    expect(events.map((event) => [event.outcome, event.from.id, event.to?.id])).toEqual([
      ['handed-off', 'tier-one', 'tier-two'],
      ['needs-human', 'tier-two', undefined],
    ]);
    expect(systemOf(asked.calls[1])).toContain('TIER-TWO-INSTRUCTIONS');
    expect(finishOf(asked.chunks).assistant?.id).toBe('tier-two');
  });

  it('refuses a spec that hands questions to itself, or hands on without the handoff tool (400 with the field)', async () => {
    const self = await create(spec('tier-one', 'tier-one'));
    expect(self.status).toBe(400);
    expect(JSON.stringify(await self.json())).toContain('handoffTo');
    const toolless = await create({ ...spec('tier-one', 'tier-two'), tools: [] });
    expect(toolless.status).toBe(400);
    expect(AssistantSpec.safeParse(spec('tier-one', 'tier-one')).success).toBe(false);
  });
});
