import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerMetadata } from '../../shared/answer-metadata';
import type { PageContext } from '../../shared/page-context';
import type { Env } from '../env';
import { knowledgeEnv, putDocument, resetKnowledge } from '../testing/knowledge';
import {
  call,
  jsonInit,
  readUIStream,
  signToken,
  type UIChunk,
  type UpstreamRequest,
  upstreamRequests,
  upstreamUrl,
  userMessage,
} from '../testing/support';

const HR_MARKER = `HR-LEAVE-${crypto.randomUUID().slice(0, 8)}`;
const SALES_MARKER = `SALES-LEAVE-${crypto.randomUUID().slice(0, 8)}`;

const ticket: PageContext = {
  url: 'https://acme.zendesk.com/agent/tickets/9',
  title: 'Ticket #9 · Login fails',
  site: 'zendesk',
  kind: 'ticket',
  markdown: 'Customer: I cannot log in.',
  capturedAt: '2026-12-01T10:00:00.000Z',
};

/** Someone who reads every test space. */
const reader = () => signToken({ sub: 'reader-1', groups: ['sales-team', 'support-team', 'hr-team'] });

/** The model call that carried this tag (not the embedding of the question, which carries it too). */
async function chatRequestWith(tag: string): Promise<UpstreamRequest | undefined> {
  return (await upstreamRequests()).find(
    (request) => request.path.endsWith('/chat/completions') && JSON.stringify(request.body).includes(tag),
  );
}

async function ask(body: Record<string, unknown>, path = '/v1/chat') {
  const tag = `run-${crypto.randomUUID()}`;
  const messages = [userMessage(`[[reply: ok]] ${tag} parental leave policy`)];
  const response = await call(path, jsonInit({ messages, ...body }, await reader()), await knowledgeEnv());
  const chunks: UIChunk[] = response.status === 200 ? await readUIStream(response) : [];
  const sent = await chatRequestWith(tag);
  return { response, chunks, sent };
}

const systemOf = (sent: UpstreamRequest | undefined) =>
  JSON.stringify(sent?.body?.messages?.filter((message) => message.role === 'system' || message.role === 'developer'));
const toolsOf = (sent: UpstreamRequest | undefined) =>
  ((sent?.body?.tools as { function?: { name?: string } }[] | undefined) ?? []).map((tool) => tool.function?.name);
const metadataOf = (chunks: UIChunk[], type: 'start' | 'finish') =>
  AnswerMetadata.parse(chunks.find((chunk) => chunk.type === type)?.messageMetadata);

describe('runAssistant behind /v1/chat', () => {
  beforeAll(async () => {
    await resetKnowledge();
    const env = await knowledgeEnv();
    for (const [space, marker] of [
      ['hr', HR_MARKER],
      ['sales', SALES_MARKER],
    ] as const) {
      const document = {
        id: `${space}/parental-leave`,
        title: `Parental leave (${space})`,
        space,
        markdown: `# Parental leave policy\nThe parental leave policy grants sixteen weeks. ${marker}`,
      };
      expect((await putDocument(document, env)).status).toBeLessThan(300);
    }
  });

  it('answers as General when the request names no assistant, and says so in the stream metadata', async () => {
    const { chunks, sent } = await ask({});
    expect(metadataOf(chunks, 'start')).toEqual({
      assistant: { id: 'general', name: 'General', version: 1 },
      modelAlias: 'default',
    });
    // The finish part also names the model that wrote the answer.
    expect(metadataOf(chunks, 'finish')).toMatchObject({
      assistant: { id: 'general' },
      answeredBy: { alias: 'default', model: 'test-chat' },
    });
    expect(systemOf(sent)).toContain('as the \\"General\\" assistant');
  });

  it('sends the chosen assistant’s instructions to the model', async () => {
    const { chunks, sent } = await ask({ assistantId: 'sales' });
    expect(metadataOf(chunks, 'start').assistant).toEqual({ id: 'sales', name: 'Sales', version: 1 });
    expect(systemOf(sent)).toContain('You help account executives and sales managers');
    expect(systemOf(sent)).not.toContain('as the \\"General\\" assistant');
  });

  it('grounds the HR assistant in the hr space only, though the caller reads sales too', async () => {
    const hr = await ask({ assistantId: 'hr-policy' });
    expect(systemOf(hr.sent)).toContain(HR_MARKER);
    expect(systemOf(hr.sent)).not.toContain(SALES_MARKER);
    const sources = JSON.stringify(hr.chunks.filter((chunk) => chunk.type.startsWith('source-')));
    expect(sources).toContain('Parental leave (hr)');
    expect(sources).not.toContain('Parental leave (sales)');
    // The same question to General finds both: the narrowing is the assistant's, not the caller's.
    const general = await ask({});
    expect(systemOf(general.sent)).toContain(SALES_MARKER);
  });

  it('never widens what the caller reads: HR without the hr group finds no passage', async () => {
    const tag = `run-${crypto.randomUUID()}`;
    const outsider = await signToken({ sub: 'sales-only', groups: ['sales-team'] });
    const response = await call(
      '/v1/chat',
      jsonInit({ assistantId: 'hr-policy', messages: [userMessage(`[[reply: ok]] ${tag} parental leave`)] }, outsider),
      await knowledgeEnv(),
    );
    expect(response.status).toBe(200);
    await readUIStream(response);
    const sent = await chatRequestWith(tag);
    expect(systemOf(sent)).not.toContain(HR_MARKER);
    expect(systemOf(sent)).not.toContain(SALES_MARKER);
  });

  it('offers the model only the tools the assistant lists', async () => {
    expect(toolsOf((await ask({ assistantId: 'hr-policy' })).sent)).toEqual(['search_knowledge']);
    expect(toolsOf((await ask({ assistantId: 'sales' })).sent).sort()).toEqual(['read_page', 'search_knowledge']);
    // The Writer lists no tool: the request carries none.
    expect(toolsOf((await ask({ assistantId: 'writer' })).sent)).toEqual([]);
  });

  it('answers 404 assistant_not_found for an unknown assistant, before any model call', async () => {
    const { response, sent } = await ask({ assistantId: 'no-such-assistant' });
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    expect(((await response.json()) as { code: string }).code).toBe('assistant_not_found');
    expect(sent).toBeUndefined();
  });
});

describe('runAssistant behind /v1/actions/:id', () => {
  it('runs a quick action as the task of the assistant that offers it, named in the metadata', async () => {
    const { chunks, sent } = await ask({ page: ticket }, '/v1/actions/ticket-reply');
    expect(metadataOf(chunks, 'start')).toMatchObject({ assistant: { id: 'support-resolver' }, modelAlias: 'default' });
    expect(systemOf(sent)).toContain('You help support agents resolve tickets');
    expect(systemOf(sent)).toContain('draft the public reply to the customer');
  });

  it('runs the task of the assistant the request names', async () => {
    const { chunks, sent } = await ask({ page: ticket, assistantId: 'meeting-notes' }, '/v1/actions/follow-up-email');
    expect(metadataOf(chunks, 'start').assistant?.id).toBe('meeting-notes');
    expect(systemOf(sent)).toContain('You turn meeting notes and call transcripts');
  });

  it('refuses a task the named assistant does not have', async () => {
    const { response, sent } = await ask({ page: ticket, assistantId: 'writer' }, '/v1/actions/ticket-reply');
    expect(response.status).toBe(404);
    expect(sent).toBeUndefined();
  });
});

describe('runAssistant and model aliases', () => {
  const modelsEnv = () =>
    knowledgeEnv({
      MODELS: JSON.stringify({
        providers: { main: { type: 'openai-compatible', baseURL: upstreamUrl(), apiKeyEnv: 'MAIN_KEY' } },
        aliases: { default: ['main:model-everyday'], smart: ['main:model-larger'] },
      }),
      MAIN_KEY: 'main-secret',
    } as Partial<Env>);

  async function investigate(environment: Env) {
    const tag = `alias-${crypto.randomUUID()}`;
    const response = await call(
      '/v1/chat',
      jsonInit({ assistantId: 'support-investigator', messages: [userMessage(`[[reply: ok]] ${tag}`)] }),
      environment,
    );
    expect(response.status).toBe(200);
    const chunks = await readUIStream(response);
    return { chunks, sent: await chatRequestWith(tag) };
  }

  it('runs the Investigator on its own alias when the deployment configures it', async () => {
    const { chunks, sent } = await investigate(await modelsEnv());
    expect(sent?.body?.model).toBe('model-larger');
    expect(metadataOf(chunks, 'start').modelAlias).toBe('smart');
    expect(metadataOf(chunks, 'finish').answeredBy).toMatchObject({ alias: 'smart', model: 'model-larger' });
  });

  it('falls back to the default alias on a deployment that has only the OPENAI_* shortcut', async () => {
    const { chunks, sent } = await investigate(await knowledgeEnv());
    expect(sent?.body?.model).toBe('test-chat');
    expect(metadataOf(chunks, 'start').modelAlias).toBe('default');
  });
});
