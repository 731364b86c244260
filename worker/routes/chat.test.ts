import { describe, expect, it } from 'vitest';
import { parseStreamError } from '../../shared/errors';
import type { PageContext } from '../../shared/page-context';
import {
  call,
  DEV_TOKEN,
  errorOf,
  jsonInit,
  readUIStream,
  testEnv,
  textOf,
  upstreamUrl,
  userMessage,
} from '../testing/support';

const page: PageContext = {
  url: 'https://support.example.com/tickets/4821',
  title: 'Refund for order 99-1234',
  site: 'generic',
  kind: 'ticket',
  markdown: 'Customer Jane Doe asks for a refund of order 99-1234, marker PAGE-MARKER-7f3a.',
  capturedAt: '2026-11-21T10:00:00.000Z',
};

async function chat(
  text: string,
  extra: Record<string, unknown> = {},
  environment?: Awaited<ReturnType<typeof testEnv>>,
) {
  const response = await call('/v1/chat', jsonInit({ messages: [userMessage(text)], ...extra }), environment);
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toContain('text/event-stream');
  return readUIStream(response);
}

interface Recorded {
  path: string;
  aborted: boolean;
  body: { messages?: { role: string; content: unknown }[] };
}

async function upstreamRequests(): Promise<Recorded[]> {
  const response = await fetch(`${upstreamUrl().replace(/\/v1$/, '')}/__requests`);
  return (await response.json()) as Recorded[];
}

describe('POST /v1/chat', () => {
  it('streams the answer in several text deltas', async () => {
    const chunks = await chat('[[reply: Acme is in the negotiation stage with a renewal due soon.]] where are we?');
    expect(textOf(chunks)).toBe('Acme is in the negotiation stage with a renewal due soon.');
    expect(chunks.filter((chunk) => chunk.type === 'text-delta').length).toBeGreaterThan(3);
    expect(chunks.at(-1)?.type).toBe('finish');
  });

  it('sends the page to the model as delimited untrusted data', async () => {
    const chunks = await chat('[[echo-system]] summarise', { page });
    const system = textOf(chunks);
    expect(system).toContain('PAGE-MARKER-7f3a');
    expect(system).toMatch(/<page>\nurl: https:\/\/support\.example\.com\/tickets\/4821\n/);
    expect(system).toMatch(/untrusted/i);
    const recorded = (await upstreamRequests()).filter((request) =>
      JSON.stringify(request.body).includes('PAGE-MARKER-7f3a'),
    );
    expect(recorded.length).toBeGreaterThan(0);
  });

  it('without a model, answers with an error part telling what to set', async () => {
    const chunks = await chat('hello', {}, await testEnv({ OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined }));
    const error = parseStreamError(errorOf(chunks) ?? '');
    expect(error.code).toBe('model_not_configured');
    expect(error.message).toContain('OPENAI_API_KEY');
    expect(error.message).toContain('OPENAI_BASE_URL');
  });

  it.each([
    ['[[status: 500]]', 'upstream_error'],
    ['[[status: 429]]', 'upstream_rate_limited'],
    ['[[garbage]]', 'upstream_error'],
    ['[[disconnect-after: 2]]', 'upstream_error'],
  ])('ends the stream with a clear error when the upstream fails: %s', async (directive, code) => {
    const chunks = await chat(`${directive} hi`);
    const error = parseStreamError(errorOf(chunks) ?? '');
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('times out a hanging upstream with upstream_timeout', async () => {
    const chunks = await chat('[[hang]] hi', {}, await testEnv({ MODEL_TIMEOUT_MS: '300' }));
    expect(parseStreamError(errorOf(chunks) ?? '').code).toBe('upstream_timeout');
  });

  it('cancels the upstream request when the client aborts', async () => {
    const marker = `abort-${crypto.randomUUID()}`;
    const controller = new AbortController();
    const response = await call(
      '/v1/chat',
      jsonInit({ messages: [userMessage(`[[chunk-delay: 200]] ${marker}`)] }, DEV_TOKEN, { signal: controller.signal }),
    );
    const reader = response.body!.getReader();
    // Wait until the upstream is mid-answer: aborting earlier would stop the call before it is even sent.
    const decoder = new TextDecoder();
    let seen = '';
    while (!seen.includes('text-delta')) seen += decoder.decode((await reader.read()).value);
    controller.abort();
    await reader.cancel().catch(() => {});
    let aborted = false;
    for (let attempt = 0; attempt < 50 && !aborted; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      aborted = (await upstreamRequests()).some(
        (request) => JSON.stringify(request.body).includes(marker) && request.aborted,
      );
    }
    expect(aborted).toBe(true);
  });

  it('is answered by General when no assistantId is sent, also about a CRM record', async () => {
    const record: PageContext = {
      ...page,
      url: 'https://acme.my.salesforce.com/006',
      site: 'salesforce',
      kind: 'record',
    };
    const chunks = await chat('[[reply: Noted.]] where are we?', { page: record });
    expect(chunks.find((chunk) => chunk.type === 'start')?.messageMetadata).toMatchObject({
      assistant: { id: 'general' },
    });
  });
});
