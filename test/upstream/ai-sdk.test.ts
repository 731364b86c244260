/**
 * The upstream through the real `@ai-sdk/openai` provider (`openai.chat(id)`, `openai.embeddingModel(id)`):
 * proves the wire format is close enough to OpenAI's that the SDK the worker uses parses it.
 */
import { createOpenAI } from '@ai-sdk/openai';
import {
  APICallError,
  cosineSimilarity,
  embedMany,
  generateText,
  isStepCount,
  streamText,
  type TextStreamPart,
  type ToolSet,
  tool,
} from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MARKDOWN_SAMPLE } from './chat-plan';
import { startUpstream, type Upstream } from './server';
import { waitFor } from './test-helpers';

let upstream: Upstream;
let openai: ReturnType<typeof createOpenAI>;

beforeAll(async () => {
  upstream = await startUpstream();
  openai = createOpenAI({ baseURL: upstream.url, apiKey: 'test' });
});
afterAll(() => upstream.close());
beforeEach(() => upstream.clear());

const model = () => openai.chat('test-model');

const searchKnowledge = tool({
  description: 'Search the company knowledge base',
  inputSchema: z.object({ query: z.string() }),
  execute: async ({ query }) => `3 articles about ${query}`,
});

/** Drains a stream's parts, collecting text and errors (errors are parts in AI SDK 7, or a thrown read). */
async function drain(stream: AsyncIterable<TextStreamPart<ToolSet>>) {
  let text = '';
  const errors: unknown[] = [];
  try {
    for await (const part of stream) {
      if (part.type === 'text-delta') text += part.text;
      if (part.type === 'error') errors.push(part.error);
    }
  } catch (error) {
    errors.push(error);
  }
  return { text, errors };
}

describe('streamText', () => {
  it('receives the default reply in several deltas with usage and finish reason', async () => {
    const result = streamText({ model: model(), instructions: 'Be brief.', prompt: 'Where is my order?' });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas.filter((d) => d.length > 0).length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe('You asked: "Where is my order?" (context: 9 chars)');
    expect(await result.finishReason).toBe('stop');
    expect((await result.usage).outputTokens).toBeGreaterThan(0);
    expect(upstream.requests[0]!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('delivers the instructions back for [[echo-system]]', async () => {
    const pageText = 'Ticket #1234: customer cannot log in since Tuesday.';
    const result = streamText({ model: model(), instructions: pageText, prompt: 'Summarise [[echo-system]]' });
    expect(await result.text).toBe(pageText);
  });

  it('delivers the Markdown sample intact', async () => {
    expect(await streamText({ model: model(), prompt: '[[markdown]]' }).text).toBe(MARKDOWN_SAMPLE);
  });

  it('runs a streamed tool-call round trip', async () => {
    const result = streamText({
      model: model(),
      prompt: 'Find it [[tool: search_knowledge {"query":"pricing"}]]',
      tools: { search_knowledge: searchKnowledge },
      stopWhen: isStepCount(3),
    });
    expect(await result.text).toBe('Tool said: 3 articles about pricing');
    const steps = await result.steps;
    expect(steps).toHaveLength(2);
    expect(steps[0]!.toolCalls[0]).toMatchObject({ toolName: 'search_knowledge', input: { query: 'pricing' } });
    expect(upstream.requests).toHaveLength(2);
  });

  it('reports a malformed chunk as an error part and keeps the rest of the text for [[garbage]]', async () => {
    const result = streamText({ model: model(), prompt: '[[reply: one two three]] [[garbage]]', onError: () => {} });
    const { text, errors } = await drain(result.fullStream);
    expect(text).toBe('one two three');
    expect(errors.length).toBeGreaterThan(0);
  });

  it('fails after the first chunks for [[disconnect-after]]', async () => {
    const result = streamText({
      model: model(),
      prompt: '[[reply: one two three four five]] [[disconnect-after: 3]]',
      maxRetries: 0,
      onError: () => {},
    });
    const { text, errors } = await drain(result.fullStream);
    expect(text).toBe('one two three');
    expect(errors.length).toBeGreaterThan(0);
  });

  it('marks the upstream request aborted when the stream is aborted', async () => {
    const controller = new AbortController();
    const result = streamText({
      model: model(),
      prompt: '[[reply: a b c d e f g h i j]] [[chunk-delay: 40]]',
      abortSignal: controller.signal,
      onError: () => {},
    });
    for await (const delta of result.textStream) {
      if (delta.trim()) {
        controller.abort();
        break;
      }
    }
    await waitFor(() => upstream.requests[0]?.aborted === true);
    expect(upstream.requests).toHaveLength(1);
  });

  it('marks a [[hang]] request aborted when the caller aborts', async () => {
    const controller = new AbortController();
    const result = streamText({
      model: model(),
      prompt: '[[hang]]',
      abortSignal: controller.signal,
      onError: () => {},
    });
    const draining = drain(result.fullStream);
    await waitFor(() => upstream.requests.length === 1);
    expect(upstream.requests[0]!.aborted).toBe(false);
    controller.abort();
    await draining;
    await waitFor(() => upstream.requests[0]!.aborted);
  });
});

describe('generateText', () => {
  it('uses a non-streamed completion', async () => {
    const result = await generateText({ model: model(), prompt: 'Hi [[reply: Hello from upstream]]' });
    expect(result.text).toBe('Hello from upstream');
    expect(result.finishReason).toBe('stop');
    expect((upstream.requests[0]!.body as { stream?: boolean }).stream).not.toBe(true);
  });

  it('runs a non-streamed tool-call round trip', async () => {
    const result = await generateText({
      model: model(),
      prompt: '[[tool: search_knowledge {"query":"refunds"}]]',
      tools: { search_knowledge: searchKnowledge },
      stopWhen: isStepCount(3),
    });
    expect(result.steps).toHaveLength(2);
    expect(result.text).toBe('Tool said: 3 articles about refunds');
    const second = upstream.requests[1]!.body as { messages: { role: string }[] };
    expect(second.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
  });

  it('surfaces a scripted status as an APICallError', async () => {
    const error = await generateText({ model: model(), prompt: '[[status: 503]]', maxRetries: 0 }).catch((e) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(503);
    expect(upstream.requests).toHaveLength(1);
  });

  it('recovers from a queued 429 by retrying after retry-after', async () => {
    upstream.failNext({ path: '/chat/completions', status: 429 });
    const result = await generateText({ model: model(), prompt: '[[reply: second time lucky]]', maxRetries: 1 });
    expect(result.text).toBe('second time lucky');
    expect(upstream.requests).toHaveLength(2);
    expect(upstream.requests[1]!.receivedAt - upstream.requests[0]!.receivedAt).toBeGreaterThanOrEqual(900);
  });
});

describe('embedMany', () => {
  const embeddingModel = () => openai.embeddingModel('text-embedding-3-small');

  it('returns deterministic, normalised vectors where related texts are closer', async () => {
    const values = [
      'How do I reset my password?',
      'Password reset instructions for your account',
      'Quarterly revenue grew in the European market',
    ];
    const first = await embedMany({ model: embeddingModel(), values });
    const again = await embedMany({ model: embeddingModel(), values });
    expect(first.embeddings).toEqual(again.embeddings);
    const [question, related, unrelated] = first.embeddings as [number[], number[], number[]];
    expect(question).toHaveLength(256);
    expect(Math.hypot(...question)).toBeCloseTo(1, 6);
    expect(cosineSimilarity(question, related)).toBeGreaterThan(cosineSimilarity(question, unrelated));
    expect(first.usage.tokens).toBeGreaterThan(0);
  });

  it('honours the dimensions provider option', async () => {
    const { embeddings } = await embedMany({
      model: embeddingModel(),
      values: ['a', 'b'],
      providerOptions: { openai: { dimensions: 32 } },
    });
    expect(embeddings.map((e) => e.length)).toEqual([32, 32]);
    expect(upstream.requests[0]!.body).toMatchObject({ dimensions: 32, encoding_format: 'float' });
  });

  it('surfaces a failNext fault on embeddings', async () => {
    upstream.failNext({ path: '/v1/embeddings', status: 500 });
    const error = await embedMany({ model: embeddingModel(), values: ['x'], maxRetries: 0 }).catch((e) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(500);
  });
});
