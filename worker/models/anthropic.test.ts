import { describe, expect, it } from 'vitest';
import { answeredBy, askChat as ask, modelRequestsCarrying, modelsEnv } from '../testing/models';
import { errorOf, textOf, upstreamRequests, upstreamUrl } from '../testing/support';

/** The real @ai-sdk/anthropic provider against the test upstream's Messages API, through MODELS aliases. */
function anthropicEnv(aliases: Record<string, string[]>) {
  const providers = {
    main: { type: 'openai-compatible', baseURL: upstreamUrl(), apiKeyEnv: 'MAIN_KEY' },
    claude: { type: 'anthropic', baseURL: upstreamUrl(), apiKeyEnv: 'ANTHROPIC_API_KEY' },
  };
  return modelsEnv({ providers, aliases }, { MAIN_KEY: 'main-key', ANTHROPIC_API_KEY: 'sk-ant-test' });
}

async function modelRequests(marker: string) {
  return (await modelRequestsCarrying(marker)).map((request) => ({ path: request.path, model: request.body?.model }));
}

describe('an alias on Anthropic', () => {
  it('answers through the Messages API, with the instructions as its system prompt', async () => {
    const marker = `anthropic-${crypto.randomUUID()}`;
    const chunks = await ask(
      `[[reply: Claude says the deal closes in May.]] ${marker}`,
      await anthropicEnv({
        default: ['claude:claude-test'],
      }),
    );
    expect(errorOf(chunks)).toBeUndefined();
    expect(textOf(chunks)).toBe('Claude says the deal closes in May.');
    expect(answeredBy(chunks)).toEqual({ alias: 'default', provider: 'claude', model: 'claude-test' });
    const requests = (await upstreamRequests()).filter((request) => JSON.stringify(request.body).includes(marker));
    const messages = requests.find((request) => request.path === '/v1/messages');
    expect(JSON.stringify(messages?.body?.system)).toContain('Beside');
  });

  it('is the fallback when the OpenAI-compatible model answers 503', async () => {
    const marker = `anthropic-fallback-${crypto.randomUUID()}`;
    const chunks = await ask(
      `[[status@model-a: 503]] [[reply: Claude took over.]] ${marker}`,
      await anthropicEnv({ default: ['main:model-a', 'claude:claude-test'] }),
    );
    expect(textOf(chunks)).toBe('Claude took over.');
    expect(answeredBy(chunks)).toEqual({ alias: 'default', provider: 'claude', model: 'claude-test' });
    expect(await modelRequests(marker)).toEqual([
      { path: '/v1/chat/completions', model: 'model-a' },
      { path: '/v1/messages', model: 'claude-test' },
    ]);
  });

  it('falls back to the next model when Anthropic is overloaded (529)', async () => {
    const marker = `anthropic-overloaded-${crypto.randomUUID()}`;
    const chunks = await ask(
      `[[status@claude-test: 529]] [[reply: The other model answered.]] ${marker}`,
      await anthropicEnv({ default: ['claude:claude-test', 'main:model-b'] }),
    );
    expect(textOf(chunks)).toBe('The other model answered.');
    expect(answeredBy(chunks)?.provider).toBe('main');
  });

  it('runs the knowledge search tool through Anthropic tool use', async () => {
    const marker = `anthropic-tool-${crypto.randomUUID()}`;
    const chunks = await ask(
      `[[tool: search_knowledge {"query":"discount approval"}]] ${marker}`,
      await anthropicEnv({ default: ['claude:claude-test'] }),
    );
    expect(errorOf(chunks)).toBeUndefined();
    expect(chunks.some((chunk) => chunk.type === 'tool-input-available' && chunk.toolName === 'search_knowledge')).toBe(
      true,
    );
    // The second step answers from the tool result ("Tool said: …"), read back from a tool_result block.
    expect(textOf(chunks)).toMatch(/^Tool said: /);
    const paths = (await modelRequests(marker)).map((request) => request.path);
    expect(paths).toEqual(['/v1/messages', '/v1/messages']);
  });
});
