import { describe, expect, it } from 'vitest';
import { answeredBy, askChat, modelRequestsCarrying as modelRequests, modelsEnv } from '../testing/models';
import { errorOf, textOf, type UIChunk, upstreamUrl } from '../testing/support';

/**
 * The real @ai-sdk/google, @ai-sdk/mistral and @ai-sdk/azure providers, configured through MODELS, against the test
 * upstream's Gemini, Mistral and Azure wires on 127.0.0.1: each streams an answer, runs a tool loop where the wire
 * has its own tool-call shape, and is left for the next model of its alias on a 503 before the first token.
 */
const server = () => upstreamUrl().replace(/\/v1$/, '');

const PROVIDERS = {
  main: { type: 'openai-compatible', baseURL: `${server()}/v1`, apiKeyEnv: 'MAIN_KEY' },
  gemini: { type: 'google', baseURL: `${server()}/v1beta`, apiKeyEnv: 'GOOGLE_KEY' },
  mistral: { type: 'mistral', baseURL: `${server()}/mistral/v1`, apiKeyEnv: 'MISTRAL_KEY' },
  azure: { type: 'azure', baseURL: `${server()}/openai/v1`, apiKeyEnv: 'AZURE_KEY' },
  azuredeploy: {
    type: 'azure',
    baseURL: `${server()}/openai`,
    apiKeyEnv: 'AZURE_KEY',
    apiVersion: '2024-10-21',
    useDeploymentBasedUrls: true,
  },
};

function providersEnv(aliases: Record<string, string[]>) {
  const keys = { MAIN_KEY: 'main-key', GOOGLE_KEY: 'google-key', MISTRAL_KEY: 'mistral-key', AZURE_KEY: 'azure-key' };
  return modelsEnv({ providers: PROVIDERS, aliases }, keys);
}

async function ask(text: string, aliases: Record<string, string[]>) {
  return askChat(text, await providersEnv(aliases));
}

const usedSearchTool = (chunks: UIChunk[]) =>
  chunks.some((chunk) => chunk.type === 'tool-input-available' && chunk.toolName === 'search_knowledge');

describe('an alias on Google (Gemini API)', () => {
  it('streams the answer through streamGenerateContent SSE, with the key header and the system instruction', async () => {
    const marker = `gemini-${crypto.randomUUID()}`;
    const chunks = await ask(`[[reply: Gemini says the renewal is in March.]] ${marker}`, {
      default: ['gemini:gemini-test'],
    });
    expect(errorOf(chunks)).toBeUndefined();
    expect(textOf(chunks)).toBe('Gemini says the renewal is in March.');
    expect(answeredBy(chunks)).toEqual({ alias: 'default', provider: 'gemini', model: 'gemini-test' });
    const [request, ...others] = await modelRequests(marker);
    expect(others).toEqual([]);
    expect(request?.path).toBe('/v1beta/models/gemini-test:streamGenerateContent');
    expect(request?.query).toBe('?alt=sse');
    // The upstream masks key headers in its log: present under Google's name, no bearer token.
    expect(request?.headers['x-goog-api-key']).toBe('***');
    expect(request?.headers.authorization).toBeUndefined();
    expect(JSON.stringify(request?.body?.systemInstruction)).toContain('Beside');
    expect(JSON.stringify(request?.body?.contents)).toContain(marker);
  });

  it('runs the knowledge search tool through a functionCall and a functionResponse', async () => {
    const marker = `gemini-tool-${crypto.randomUUID()}`;
    const chunks = await ask(`[[tool: search_knowledge {"query":"discount approval"}]] ${marker}`, {
      default: ['gemini:gemini-test'],
    });
    expect(errorOf(chunks)).toBeUndefined();
    expect(usedSearchTool(chunks)).toBe(true);
    expect(textOf(chunks)).toMatch(/^Tool said: /);
    const requests = await modelRequests(marker);
    expect(requests.map((request) => request.path)).toEqual([
      '/v1beta/models/gemini-test:streamGenerateContent',
      '/v1beta/models/gemini-test:streamGenerateContent',
    ]);
    // The second step sends the call back as Gemini's functionResponse part.
    expect(JSON.stringify(requests[1]?.body?.contents)).toContain('"functionResponse"');
  });

  it('a 503 before the first token moves to the next model of the alias', async () => {
    const marker = `gemini-fallback-${crypto.randomUUID()}`;
    const chunks = await ask(`[[status@gemini-test: 503]] [[reply: The second model answered.]] ${marker}`, {
      default: ['gemini:gemini-test', 'main:model-b'],
    });
    expect(errorOf(chunks)).toBeUndefined();
    expect(textOf(chunks)).toBe('The second model answered.');
    expect(answeredBy(chunks)).toEqual({ alias: 'default', provider: 'main', model: 'model-b' });
    expect((await modelRequests(marker)).map((request) => request.path)).toEqual([
      '/v1beta/models/gemini-test:streamGenerateContent',
      '/v1/chat/completions',
    ]);
  });
});

describe('an alias on Mistral', () => {
  it('streams the answer through Mistral’s chat API, which refuses parameters it does not know', async () => {
    const marker = `mistral-${crypto.randomUUID()}`;
    const chunks = await ask(`[[reply: Mistral says the deal is signed.]] ${marker}`, {
      default: ['mistral:mistral-test'],
    });
    expect(errorOf(chunks)).toBeUndefined();
    expect(textOf(chunks)).toBe('Mistral says the deal is signed.');
    expect(answeredBy(chunks)).toEqual({ alias: 'default', provider: 'mistral', model: 'mistral-test' });
    const [request] = await modelRequests(marker);
    expect(request?.path).toBe('/mistral/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer ***');
    expect(request?.body?.stream).toBe(true);
    expect(request?.body).not.toHaveProperty('stream_options');
  });

  it('runs the knowledge search tool with Mistral’s nine-character tool call ids sent back', async () => {
    const marker = `mistral-tool-${crypto.randomUUID()}`;
    const chunks = await ask(`[[tool: search_knowledge {"query":"discount approval"}]] ${marker}`, {
      default: ['mistral:mistral-test'],
    });
    expect(errorOf(chunks)).toBeUndefined();
    expect(usedSearchTool(chunks)).toBe(true);
    expect(textOf(chunks)).toMatch(/^Tool said: /);
    const requests = await modelRequests(marker);
    expect(requests).toHaveLength(2);
    const messages = (requests[1]?.body?.messages ?? []) as { role: string; tool_call_id?: string }[];
    const toolMessage = messages.find((message) => message.role === 'tool');
    expect(toolMessage?.tool_call_id).toMatch(/^[a-zA-Z0-9]{9}$/);
  });

  it('a 503 before the first token moves to the next model of the alias', async () => {
    const marker = `mistral-fallback-${crypto.randomUUID()}`;
    const chunks = await ask(`[[status@mistral-test: 503]] [[reply: Gemini took over.]] ${marker}`, {
      default: ['mistral:mistral-test', 'gemini:gemini-test'],
    });
    expect(textOf(chunks)).toBe('Gemini took over.');
    expect(answeredBy(chunks)).toEqual({ alias: 'default', provider: 'gemini', model: 'gemini-test' });
    expect((await modelRequests(marker)).map((request) => request.path)).toEqual([
      '/mistral/v1/chat/completions',
      '/v1beta/models/gemini-test:streamGenerateContent',
    ]);
  });
});

describe('an alias on Azure OpenAI', () => {
  it('streams the answer through the v1 API with the api-key header, never a bearer token', async () => {
    const marker = `azure-${crypto.randomUUID()}`;
    const chunks = await ask(`[[reply: Azure says the quote is approved.]] ${marker}`, {
      default: ['azure:gpt-4o-prod'],
    });
    expect(errorOf(chunks)).toBeUndefined();
    expect(textOf(chunks)).toBe('Azure says the quote is approved.');
    expect(answeredBy(chunks)).toEqual({ alias: 'default', provider: 'azure', model: 'gpt-4o-prod' });
    const [request] = await modelRequests(marker);
    expect(request?.path).toBe('/openai/v1/chat/completions');
    expect(request?.headers['api-key']).toBe('***');
    expect(request?.headers.authorization).toBeUndefined();
  });

  it('with deployment URLs, names the deployment in the path and sends the api-version', async () => {
    const marker = `azure-deployment-${crypto.randomUUID()}`;
    const chunks = await ask(`[[reply: From the deployment.]] ${marker}`, { default: ['azuredeploy:gpt-4o-prod'] });
    expect(errorOf(chunks)).toBeUndefined();
    expect(textOf(chunks)).toBe('From the deployment.');
    const [request] = await modelRequests(marker);
    expect(request?.path).toBe('/openai/deployments/gpt-4o-prod/chat/completions');
    expect(request?.query).toBe('?api-version=2024-10-21');
    expect(request?.headers['api-key']).toBe('***');
  });

  it('a 503 before the first token moves to the next model of the alias', async () => {
    const marker = `azure-fallback-${crypto.randomUUID()}`;
    const chunks = await ask(`[[status@gpt-4o-prod: 503]] [[reply: Mistral took over.]] ${marker}`, {
      default: ['azuredeploy:gpt-4o-prod', 'mistral:mistral-test'],
    });
    expect(textOf(chunks)).toBe('Mistral took over.');
    expect(answeredBy(chunks)).toEqual({ alias: 'default', provider: 'mistral', model: 'mistral-test' });
    expect((await modelRequests(marker)).map((request) => request.path)).toEqual([
      '/openai/deployments/gpt-4o-prod/chat/completions',
      '/mistral/v1/chat/completions',
    ]);
  });
});
