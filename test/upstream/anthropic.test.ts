/**
 * The Anthropic wire mode through the real `@ai-sdk/anthropic` provider: proves `/v1/messages` is close enough
 * to Anthropic's Messages API (events, tool use, errors) that the SDK the worker uses parses it.
 */
import { createAnthropic } from '@ai-sdk/anthropic';
import { APICallError, generateText, isStepCount, streamText, tool } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startUpstream, type Upstream } from './server';

let upstream: Upstream;
let anthropic: ReturnType<typeof createAnthropic>;

beforeAll(async () => {
  upstream = await startUpstream();
  anthropic = createAnthropic({ baseURL: upstream.url, apiKey: 'sk-ant-test' });
});
afterAll(() => upstream.close());
beforeEach(() => upstream.clear());

const model = () => anthropic('claude-test');

describe('Anthropic Messages API mode', () => {
  it('streams a scripted reply in several text deltas, with usage and end_turn', async () => {
    const result = streamText({
      model: model(),
      instructions: 'Be brief.',
      prompt: '[[reply: Acme renews in May.]] when?',
    });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas.join('')).toBe('Acme renews in May.');
    expect(deltas.length).toBeGreaterThan(2);
    expect(await result.finishReason).toBe('stop');
    expect((await result.usage).outputTokens).toBeGreaterThan(0);
    const [request] = upstream.requests;
    expect(request?.path).toBe('/v1/messages');
    expect(request?.headers['x-api-key']).toBe('***');
    expect(request?.headers['anthropic-version']).toBe('2023-06-01');
    expect(JSON.stringify((request?.body as { system?: unknown } | undefined)?.system)).toContain('Be brief.');
  });

  it('answers without streaming too (the default reply shows the instructions reached it)', async () => {
    const { text } = await generateText({ model: model(), instructions: 'System words.', prompt: 'Hello there' });
    expect(text).toBe('You asked: "Hello there" (context: 13 chars)');
  });

  it('calls a tool with input_json_delta fragments, then answers from its result', async () => {
    const result = streamText({
      model: model(),
      prompt: '[[tool: search_knowledge {"query":"pricing"}]] find pricing',
      tools: {
        search_knowledge: tool({
          description: 'Search',
          inputSchema: z.object({ query: z.string() }),
          execute: async ({ query }) => `3 articles about ${query}`,
        }),
      },
      stopWhen: isStepCount(3),
    });
    expect(await result.text).toContain('3 articles about pricing');
    const calls = (await result.steps).flatMap((step) => step.toolCalls);
    expect(calls.map((call) => [call.toolName, call.input])).toEqual([['search_knowledge', { query: 'pricing' }]]);
    expect(upstream.requests).toHaveLength(2);
  });

  it.each([
    [429, 'rate_limit_error'],
    [529, 'overloaded_error'],
  ])('fails with %i and Anthropic’s error body (%s)', async (status, type) => {
    const error = await generateText({ model: model(), prompt: `[[status: ${status}]] hi`, maxRetries: 0 }).catch(
      (caught: unknown) => caught,
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(status);
    expect(JSON.parse((error as APICallError).responseBody ?? '{}').error.type).toBe(type);
  });
});
