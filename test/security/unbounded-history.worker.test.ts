/**
 * Attack: a request body carries up to 200 messages of any length, all sent to the model (cost, latency, and
 * old turns that crowd out the page and the rules). Defence: HISTORY_TOKEN_BUDGET (default 12,000 tokens,
 * estimated like the page budget) — the oldest messages after the first question are left out first, the latest
 * message is always kept (shortened with a note if it alone is too long), and the panel is told in a
 * `data-history` part (shared/chat.ts HistoryNotice).
 */
import { describe, expect, it } from 'vitest';
import { HISTORY_NOTICE_PART, HistoryNotice } from '../../shared/chat';
import type { PageContext } from '../../shared/page-context';
import {
  call,
  jsonInit,
  readUIStream,
  testEnv,
  type UIChunk,
  type UpstreamRequest,
  upstreamRequests,
  userMessage,
} from '../../worker/testing/support';

const page: PageContext = {
  url: 'https://crm.example.com/opportunities/42',
  title: 'Acme renewal',
  site: 'generic',
  kind: 'record',
  markdown: 'Opportunity: Acme renewal. Stage: Negotiation.',
  capturedAt: '2026-11-21T10:00:00.000Z',
};

const CHARS_PER_TOKEN = 4; // the estimate the page budget uses (worker/prompt/tokens.ts)
const DEFAULT_BUDGET_CHARS = 12_000 * CHARS_PER_TOKEN;

/** A conversation of `count` (odd) messages of `size` characters, each carrying a findable marker. */
function longConversation(count: number, size: number, run: string) {
  return Array.from({ length: count }, (_, index) => {
    const marker = `MSG-${run}-${index}-END`;
    const role = index % 2 === 0 ? 'user' : 'assistant'; // from the person first and last
    const directive = index === count - 1 ? '[[reply: ok]] ' : '';
    const text = `${directive}${marker} ${'history '.repeat(size / 8)}`.slice(0, size);
    return { id: `m${index}`, role, parts: [{ type: 'text', text }] };
  });
}

/** The model request that carried `marker` (the upstream logs every request it gets). */
async function modelRequestWith(marker: string): Promise<UpstreamRequest> {
  const request = (await upstreamRequests()).find(
    (recorded) => recorded.path.endsWith('/chat/completions') && JSON.stringify(recorded.body ?? '').includes(marker),
  );
  if (!request?.body?.messages) throw new Error(`The model never got a request containing ${marker}`);
  return request;
}

/** Characters of conversation (every message but the instructions) the model got. */
function historyChars(request: UpstreamRequest): number {
  return (request.body?.messages ?? [])
    .filter((message) => message.role !== 'system')
    .reduce((sum, message) => sum + JSON.stringify(message.content).length, 0);
}

function noticeOf(chunks: UIChunk[]): HistoryNotice | undefined {
  const chunk = chunks.find((candidate) => candidate.type === HISTORY_NOTICE_PART);
  return chunk ? HistoryNotice.parse(chunk.data) : undefined;
}

const routes = [
  ['/v1/chat', {}],
  ['/v1/actions/summarize-page', { page }],
] as const;

describe.each(routes)('unbounded history on %s', (route, extra) => {
  it('keeps 41 long messages within HISTORY_TOKEN_BUDGET: first and latest kept, oldest left out first', async () => {
    const run = crypto.randomUUID().slice(0, 8);
    const messages = longConversation(41, 2_000, run);
    const response = await call(route, jsonInit({ messages, ...extra }));
    expect(response.status).toBe(200);
    const chunks = await readUIStream(response);

    const request = await modelRequestWith(`MSG-${run}-40-END`);
    const sent = JSON.stringify(request.body?.messages);
    expect(historyChars(request)).toBeLessThanOrEqual(DEFAULT_BUDGET_CHARS * 1.1);
    expect(sent).toContain(`MSG-${run}-0-END`); // the first question
    expect(sent).toContain(`MSG-${run}-39-END`); // the answer just before the latest question
    expect(sent).not.toContain(`MSG-${run}-1-END`); // the oldest after the first: left out first
    expect(sent).not.toContain(`MSG-${run}-10-END`);
    // What is kept after the first question is one unbroken run of the newest messages.
    const kept = Array.from({ length: 41 }, (_, index) => sent.includes(`MSG-${run}-${index}-END`));
    const firstKeptAfterOpening = kept.indexOf(true, 1);
    expect(kept.slice(firstKeptAfterOpening).every(Boolean)).toBe(true);

    const notice = noticeOf(chunks);
    expect(notice).toEqual({ omitted: kept.filter((isKept) => !isKept).length, total: 41, shortened: 0 });
    expect(notice?.omitted).toBeGreaterThan(10);
    // The model is told, too, so it does not take the gap for the whole conversation.
    const instructions = JSON.stringify(request.body?.messages?.find((message) => message.role === 'system'));
    expect(instructions).toContain(`${notice?.omitted} of the 41 messages`);
  });

  it('shortens a latest message that alone exceeds the budget, with a note, and says so', async () => {
    const marker = `HUGE-${crypto.randomUUID()}`;
    const huge = userMessage(`[[reply: ok]] ${marker} ${'x'.repeat(90_000)}`);
    const response = await call(route, jsonInit({ messages: [huge], ...extra }));
    expect(response.status).toBe(200);
    const chunks = await readUIStream(response);

    const request = await modelRequestWith(marker);
    expect(historyChars(request)).toBeLessThanOrEqual(DEFAULT_BUDGET_CHARS * 1.1);
    expect(JSON.stringify(request.body?.messages)).toMatch(/characters of this message were left out to fit/);
    expect(noticeOf(chunks)).toEqual({ omitted: 0, total: 1, shortened: 1 });
  });

  it('follows HISTORY_TOKEN_BUDGET when set', async () => {
    const run = crypto.randomUUID().slice(0, 8);
    const messages = longConversation(11, 2_000, run);
    const environment = await testEnv({ HISTORY_TOKEN_BUDGET: '2000' });
    const response = await call(route, jsonInit({ messages, ...extra }), environment);
    expect(response.status).toBe(200);
    const chunks = await readUIStream(response);

    const request = await modelRequestWith(`MSG-${run}-10-END`);
    expect(historyChars(request)).toBeLessThanOrEqual(2_000 * CHARS_PER_TOKEN * 1.1);
    expect(JSON.stringify(request.body?.messages)).toContain(`MSG-${run}-0-END`);
    expect(noticeOf(chunks)?.omitted).toBeGreaterThan(0);
  });

  it('sends a short conversation whole, with no notice', async () => {
    const run = crypto.randomUUID().slice(0, 8);
    const messages = longConversation(7, 200, run);
    const response = await call(route, jsonInit({ messages, ...extra }));
    const chunks = await readUIStream(response);
    const sent = JSON.stringify((await modelRequestWith(`MSG-${run}-6-END`)).body?.messages);
    for (let index = 0; index < 7; index++) expect(sent).toContain(`MSG-${run}-${index}-END`);
    expect(noticeOf(chunks)).toBeUndefined();
  });
});
