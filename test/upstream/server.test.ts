/** The upstream over real HTTP with fetch: wire format, directives, recording, faults. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MARKDOWN_SAMPLE } from './chat-plan';
import { embedText } from './embeddings';
import { startUpstream, type Upstream } from './server';
import { chatBody, contentDeltas, postJson, sseData, waitFor } from './test-helpers';

let upstream: Upstream;

beforeAll(async () => {
  upstream = await startUpstream({ embeddingDimensions: 64 });
});
afterAll(() => upstream.close());
beforeEach(() => upstream.clear());

const chat = (userText: string, extra: Record<string, unknown> = {}) =>
  postJson(upstream, '/chat/completions', chatBody(userText, extra));

async function streamChat(userText: string, extra: Record<string, unknown> = {}) {
  const res = await chat(userText, { stream: true, stream_options: { include_usage: true }, ...extra });
  return { res, text: await res.text() };
}

describe('startUpstream', () => {
  it('listens on an ephemeral loopback port with a /v1 base URL', () => {
    expect(upstream.port).toBeGreaterThan(0);
    expect(upstream.url).toBe(`http://127.0.0.1:${upstream.port}/v1`);
  });

  it('close() returns promptly even while a request hangs', async () => {
    const other = await startUpstream();
    const pending = postJson(other, '/chat/completions', chatBody('[[hang]]')).catch((error: unknown) => error);
    await waitFor(() => other.requests.length === 1);
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
    // The server hung up, the client did not: not an abort.
    expect(other.requests[0]!.aborted).toBe(false);
  });
});

describe('GET /v1/models and errors', () => {
  it('lists models', async () => {
    const res = await fetch(`${upstream.url}/models`);
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.object).toBe('list');
    expect(body.data.map((m: { id: string }) => m.id)).toContain('test-model');
  });

  it('answers unknown paths with 404 and OpenAI error JSON', async () => {
    const res = await fetch(`${upstream.url}/nope`);
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error).toMatchObject({ type: 'not_found_error', code: 'unknown_url' });
    expect(body.error.message).toContain('/v1/nope');
  });

  it('answers malformed JSON with 400 and records the raw body', async () => {
    const res = await fetch(`${upstream.url}/chat/completions`, { method: 'POST', body: '{oops' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_json' });
    expect(upstream.requests[0]!.body).toBe('{oops');
  });

  it('rejects a chat request without messages', async () => {
    const res = await postJson(upstream, '/chat/completions', { model: 'x', messages: [] });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain('messages');
  });

  it('answers the wrong method with 405', async () => {
    const res = await fetch(`${upstream.url}/chat/completions`);
    expect(res.status).toBe(405);
  });
});

describe('POST /v1/chat/completions, streaming', () => {
  it('streams a role delta, word deltas, a finish chunk, usage and [DONE]', async () => {
    const { res, text } = await streamChat('What is Beside?');
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = sseData(text);
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((data) => JSON.parse(data));
    for (const c of chunks) expect(c).toMatchObject({ object: 'chat.completion.chunk', model: 'test-model' });
    expect(chunks[0].choices[0].delta).toMatchObject({ role: 'assistant', content: '' });
    const deltas = contentDeltas(text);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe('You asked: "What is Beside?" (context: 0 chars)');
    const finish = chunks.at(-2);
    expect(finish.choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
    const usage = chunks.at(-1);
    expect(usage.choices).toEqual([]);
    expect(usage.usage.total_tokens).toBe(usage.usage.prompt_tokens + usage.usage.completion_tokens);
  });

  it('sends no usage chunk unless stream_options.include_usage is set', async () => {
    const res = await chat('hi', { stream: true });
    const chunks = sseData(await res.text())
      .filter((d) => d !== '[DONE]')
      .map((d) => JSON.parse(d));
    expect(chunks.some((c) => c.usage)).toBe(false);
    expect(chunks.at(-1).choices[0].finish_reason).toBe('stop');
  });

  it('streams tool calls with index, id, name and argument fragments', async () => {
    const tools = [{ type: 'function', function: { name: 'search_knowledge', parameters: { type: 'object' } } }];
    const { text } = await streamChat('[[tool: search_knowledge {"query":"pricing"}]]', { tools });
    const chunks = sseData(text)
      .filter((d) => d !== '[DONE]')
      .map((d) => JSON.parse(d));
    const toolDeltas = chunks.flatMap((c) => c.choices[0]?.delta?.tool_calls ?? []);
    expect(toolDeltas[0]).toMatchObject({
      index: 0,
      id: `call_${upstream.requests[0]!.id}_0`,
      type: 'function',
      function: { name: 'search_knowledge', arguments: '' },
    });
    expect(toolDeltas.length).toBeGreaterThan(2);
    expect(toolDeltas.map((d: { function: { arguments: string } }) => d.function.arguments).join('')).toBe(
      '{"query":"pricing"}',
    );
    expect(chunks[0].choices[0].delta.content).toBeNull();
    expect(chunks.find((c) => c.choices[0]?.finish_reason)?.choices[0].finish_reason).toBe('tool_calls');
  });
});

describe('POST /v1/chat/completions, non-streaming', () => {
  it('returns a chat.completion with usage', async () => {
    const res = await chat('Hello [[reply: Hi there]]');
    const body = await res.json();
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0]).toMatchObject({
      index: 0,
      message: { role: 'assistant', content: 'Hi there' },
      finish_reason: 'stop',
    });
    expect(body.usage.completion_tokens).toBeGreaterThan(0);
  });

  it('returns tool calls with finish_reason tool_calls', async () => {
    const tools = [{ type: 'function', function: { name: 'lookup' } }];
    const body = await (await chat('[[tool: lookup {"id":3}]]', { tools })).json();
    expect(body.choices[0].finish_reason).toBe('tool_calls');
    expect(body.choices[0].message.tool_calls).toEqual([
      {
        id: `call_${upstream.requests[0]!.id}_0`,
        type: 'function',
        function: { name: 'lookup', arguments: '{"id":3}' },
      },
    ]);
  });

  it('sends an unparseable body for [[garbage]]', async () => {
    const res = await chat('[[garbage]]');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{not json');
  });
});

describe('directives', () => {
  it('echoes system and developer text for [[echo-system]]', async () => {
    const res = await postJson(upstream, '/chat/completions', {
      model: 'm',
      stream: true,
      messages: [
        { role: 'system', content: 'You are Beside.' },
        { role: 'developer', content: 'Page text: Invoice #42' },
        { role: 'user', content: [{ type: 'text', text: 'Show me [[echo-system]]' }] },
      ],
    });
    expect(contentDeltas(await res.text()).join('')).toBe('You are Beside.\n\nPage text: Invoice #42');
  });

  it('replies with the fixed Markdown sample for [[markdown]]', async () => {
    const { text } = await streamChat('[[markdown]]');
    const reply = contentDeltas(text).join('');
    expect(reply).toBe(MARKDOWN_SAMPLE);
    expect(reply).toContain('<img src=x onerror=alert(1)>');
    expect(reply).toContain('https://example.com');
  });

  it('responds with the scripted status and OpenAI error JSON', async () => {
    const res = await chat('[[status: 503]]', { stream: true });
    expect(res.status).toBe(503);
    expect((await res.json()).error).toMatchObject({ type: 'server_error', code: 'service_unavailable' });
  });

  it('adds retry-after: 1 to a scripted 429', async () => {
    const res = await chat('[[status: 429]]');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect((await res.json()).error.code).toBe('rate_limit_exceeded');
  });

  it('waits before sending headers for [[delay]]', async () => {
    const started = Date.now();
    const res = await chat('[[delay: 150]]', { stream: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await res.text();
  });

  it('spaces chunks out for [[chunk-delay]]', async () => {
    const started = Date.now();
    const { text } = await streamChat('[[reply: one two three four five]] [[chunk-delay: 30]]');
    expect(contentDeltas(text)).toHaveLength(5);
    // Four gaps between five content chunks.
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 30 - 10);
  });

  it('sends N content chunks then drops the connection for [[disconnect-after]]', async () => {
    const res = await chat('[[reply: a b c d e f]] [[disconnect-after: 3]]', { stream: true });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    let failed = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += decoder.decode(value, { stream: true });
      }
    } catch {
      failed = true;
    }
    expect(failed).toBe(true);
    expect(contentDeltas(received)).toEqual(['a', ' b', ' c']);
    expect(received).not.toContain('[DONE]');
    expect(upstream.requests[0]!.aborted).toBe(false);
  });

  it('inserts a malformed data line after the first chunk for [[garbage]], then finishes', async () => {
    const { text } = await streamChat('[[reply: one two three]] [[garbage]]');
    const events = sseData(text);
    const garbageAt = events.indexOf('{not json');
    expect(garbageAt).toBeGreaterThan(0);
    expect(JSON.parse(events[garbageAt - 1]!).choices[0].delta.content).toBe('one');
    expect(events.at(-1)).toBe('[DONE]');
  });

  it('never answers [[hang]] and marks exactly the request whose client gave up as aborted', async () => {
    const kept = new AbortController();
    const dropped = new AbortController();
    const hang = (text: string, signal: AbortSignal) =>
      postJson(upstream, '/chat/completions', chatBody(text), { signal }).catch((error: unknown) => error);
    const keptRequest = hang('[[hang]] kept', kept.signal);
    const droppedRequest = hang('[[hang]] dropped', dropped.signal);
    await waitFor(() => upstream.requests.length === 2);
    dropped.abort();
    expect(await droppedRequest).toBeInstanceOf(Error);
    await waitFor(() => upstream.requests.some((r) => r.aborted));
    const aborted = upstream.requests.filter((r) => r.aborted);
    expect(aborted).toHaveLength(1);
    expect(JSON.stringify(aborted[0]!.body)).toContain('dropped');
    kept.abort();
    await keptRequest;
    await waitFor(() => upstream.requests.every((r) => r.aborted));
  });

  it('marks a stream aborted when the client cancels mid-stream, but not a completed one', async () => {
    const res = await chat('[[reply: one two three four five six]] [[chunk-delay: 50]]', { stream: true });
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    await waitFor(() => upstream.requests[0]!.aborted);
    await (await chat('done')).text();
    expect(upstream.requests[1]!.aborted).toBe(false);
  });
});

describe('request log', () => {
  it('records every API request in order with redacted authorization', async () => {
    await (await chat('first')).text();
    await (await fetch(`${upstream.url}/models`)).text();
    expect(upstream.requests.map((r) => [r.method, r.path])).toEqual([
      ['POST', '/v1/chat/completions'],
      ['GET', '/v1/models'],
    ]);
    const [first, second] = upstream.requests;
    expect(second!.id).toBeGreaterThan(first!.id);
    expect(first!.headers.authorization).toBe('Bearer ***');
    expect(JSON.stringify(first)).not.toContain('sk-secret-test-key');
    expect(first!.body).toMatchObject({ messages: [{ role: 'user', content: 'first' }] });
    expect(first!.receivedAt).toBeLessThanOrEqual(Date.now());
    expect(first!.aborted).toBe(false);
  });

  it('serves the log at GET /__requests and clears it with DELETE, without logging itself', async () => {
    await (await chat('logged')).text();
    const origin = new URL(upstream.url).origin;
    const log = await (await fetch(`${origin}/__requests`)).json();
    expect(log).toHaveLength(1);
    expect(log[0].body.messages[0].content).toBe('logged');
    expect((await fetch(`${origin}/__requests`, { method: 'DELETE' })).status).toBe(204);
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('failNext', () => {
  it('fails the next N requests to a path, then recovers', async () => {
    upstream.failNext({ path: '/v1/embeddings', status: 503, count: 2 });
    const embed = () => postJson(upstream, '/embeddings', { model: 'e', input: 'hello' });
    // Other paths are untouched.
    expect((await chat('unaffected')).status).toBe(200);
    expect((await embed()).status).toBe(503);
    const second = await embed();
    expect(second.status).toBe(503);
    expect((await second.json()).error.message).toContain('503');
    expect((await embed()).status).toBe(200);
  });

  it('matches a path given without /v1 and serves a custom body', async () => {
    upstream.failNext({ path: '/embeddings', status: 200, body: '{broken' });
    const res = await postJson(upstream, '/embeddings', { input: 'x' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{broken');
  });

  it('only delays when no status or body is given', async () => {
    upstream.failNext({ delayMs: 120 });
    const started = Date.now();
    const res = await chat('[[reply: fine]]');
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect((await res.json()).choices[0].message.content).toBe('fine');
  });

  it('defaults to one 500 for any path, and adds retry-after to 429', async () => {
    upstream.failNext({ body: 'nope' });
    upstream.failNext({ status: 429 });
    expect((await fetch(`${upstream.url}/models`)).status).toBe(500);
    const limited = await chat('x');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await chat('x')).status).toBe(200);
  });

  it('can be queued over HTTP, and clear() drops queued faults', async () => {
    const origin = new URL(upstream.url).origin;
    const queued = await fetch(`${origin}/__fail-next`, { method: 'POST', body: JSON.stringify({ status: 502 }) });
    expect(queued.status).toBe(204);
    expect((await chat('x')).status).toBe(502);
    upstream.failNext({ status: 502 });
    upstream.clear();
    expect((await chat('x')).status).toBe(200);
  });

  it('rejects nonsense counts', () => {
    expect(() => upstream.failNext({ count: 0 })).toThrow(RangeError);
  });
});

describe('POST /v1/embeddings', () => {
  it('returns OpenAI-shaped, deterministic vectors with the default dimensions', async () => {
    const body = await (await postJson(upstream, '/embeddings', { model: 'e', input: ['alpha beta', 'gamma'] })).json();
    expect(body).toMatchObject({ object: 'list', model: 'e' });
    expect(body.data).toHaveLength(2);
    expect(body.data[1]).toMatchObject({ object: 'embedding', index: 1 });
    expect(body.data[0].embedding).toEqual(embedText('alpha beta', 64));
    expect(body.usage.prompt_tokens).toBeGreaterThan(0);
  });

  it('honours dimensions and rejects invalid input', async () => {
    const body = await (await postJson(upstream, '/embeddings', { input: 'x', dimensions: 12 })).json();
    expect(body.data[0].embedding).toHaveLength(12);
    const bad = await postJson(upstream, '/embeddings', { input: 42 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain('input');
  });
});
