import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { Problem } from '../../shared/errors';
import type { PageContext } from '../../shared/page-context';
import { knowledgeEnv, putDocument, resetKnowledge } from '../testing/knowledge';
import { callSettled, resetOversight, testPseudonym, usageEvents } from '../testing/oversight';
import { DEV_TOKEN, jsonInit, readUIStream, signToken, testEnv, userMessage } from '../testing/support';

const page: PageContext = {
  url: 'https://acme.my.salesforce.com/lightning/r/Opportunity/006xx/view',
  title: 'Acme renewal',
  site: 'salesforce',
  kind: 'record',
  markdown: 'Opportunity Acme renewal, stage Negotiation, PAGE-SECRET-91c2.',
  capturedAt: '2026-12-01T10:00:00.000Z',
};

function chunksOf(text: string) {
  return readUIStream(new Response(text));
}

describe('usage events', () => {
  beforeEach(resetOversight);

  it('records one event per chat answer: pseudonym, groups, model, tokens, timings, citations, page site, message id', async () => {
    const token = await signToken({ sub: 'sam-subject', groups: ['sales-team', 'emea'] });
    const { response, text } = await callSettled(
      '/v1/chat',
      jsonInit(
        { messages: [userMessage('[[reply: Acme is in negotiation [P], see the playbook [P].]] status?')], page },
        token,
      ),
    );
    expect(response.status).toBe(200);
    const start = (await chunksOf(text)).find((chunk) => chunk.type === 'start');

    const [event, ...others] = await usageEvents();
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      person: await testPseudonym('sam-subject'),
      groups: JSON.stringify(['sales-team', 'emea']),
      action: 'chat',
      model: 'test-chat',
      message_id: start?.messageId,
      citations: 1,
      error_code: null,
      status: 200,
      page_site: 'salesforce',
      question: null,
      answer: null,
    });
    expect(event?.person).toMatch(/^[0-9a-f]{64}$/);
    expect(event?.person).not.toContain('sam');
    expect(event?.tokens_in).toBeGreaterThan(0);
    expect(event?.tokens_out).toBeGreaterThan(0);
    expect(event?.ttft_ms).toBeGreaterThanOrEqual(0);
    expect(event?.total_ms).toBeGreaterThanOrEqual(event?.ttft_ms ?? 0);
    expect(event?.day).toBe(event?.at.slice(0, 10));

    const { results: groups } = await env.DB.prepare(
      'SELECT group_name, day, person FROM usage_event_groups WHERE event_id = ? ORDER BY group_name',
    )
      .bind(event?.id)
      .all();
    expect(groups).toEqual([
      { group_name: 'emea', day: event?.day, person: event?.person },
      { group_name: 'sales-team', day: event?.day, person: event?.person },
    ]);
  });

  it('the same person always gets the same pseudonym, another person another one', async () => {
    for (const sub of ['alex', 'alex', 'priya']) {
      await callSettled(
        '/v1/chat',
        jsonInit({ messages: [userMessage('[[reply: ok]] hi')] }, await signToken({ sub })),
      );
    }
    const people = (await usageEvents()).map((event) => event.person);
    expect(people[0]).toBe(people[1]);
    expect(people[2]).not.toBe(people[0]);
  });

  it('records retrieval hits and the best score of the passages found for the question', async () => {
    await resetKnowledge();
    const environment = await knowledgeEnv();
    const put = await putDocument(
      {
        id: 'pricing',
        title: 'Pricing',
        space: 'company',
        markdown: '# Pricing\n\nThe enterprise plan costs 45 euros per seat per month with annual billing.',
      },
      environment,
    );
    expect(put.status).toBeLessThan(300);
    await callSettled(
      '/v1/chat',
      jsonInit({ messages: [userMessage('[[reply: 45 euros [1].]] enterprise plan price per seat')] }),
      environment,
    );
    const [event] = await usageEvents();
    expect(event?.retrieval_hits).toBeGreaterThan(0);
    expect(event?.best_score).toBeGreaterThan(0);
    expect(event?.citations).toBe(1);

    await resetKnowledge();
    await callSettled(
      '/v1/chat',
      jsonInit({ messages: [userMessage('[[reply: no idea]] enterprise plan')] }),
      environment,
    );
    const nothingFound = (await usageEvents())[1];
    expect(nothingFound).toMatchObject({ retrieval_hits: 0, best_score: null, citations: 0 });
  });

  it('records quick actions under their id', async () => {
    const { response } = await callSettled(
      '/v1/actions/summarize-page',
      jsonInit({ page, messages: [userMessage('[[reply: A summary.]] go')] }),
    );
    expect(response.status).toBe(200);
    const [event] = await usageEvents();
    expect(event).toMatchObject({ action: 'summarize-page', model: 'test-chat', status: 200, error_code: null });
    expect(event?.tokens_out).toBeGreaterThan(0);
  });

  it('records failures too: a refused body, a failing model, an unknown action', async () => {
    await resetKnowledge();
    await callSettled('/v1/chat', jsonInit({ messages: [] }));
    await callSettled('/v1/chat', jsonInit({ messages: [userMessage('[[status: 500]] hello')] }));
    await callSettled('/v1/actions/no-such-action', jsonInit({ page }));
    const events = await usageEvents();
    expect(events.map((event) => [event.action, event.status, event.error_code])).toEqual([
      ['chat', 400, 'invalid_request'],
      ['chat', 200, 'upstream_error'],
      ['no-such-action', 404, 'not_found'],
    ]);
    expect(events[1]?.ttft_ms, JSON.stringify(events[1])).toBeNull();
  });

  it('records nothing for a caller who is not signed in (there is no one to count)', async () => {
    const { response } = await callSettled('/v1/chat', jsonInit({ messages: [userMessage('hi')] }, null));
    expect(response.status).toBe(401);
    expect(await usageEvents()).toEqual([]);
  });

  it('an action id that is not a plain name is not stored as is', async () => {
    await callSettled(`/v1/actions/${encodeURIComponent('<script>alert(1)</script>')}`, jsonInit({ page }));
    expect((await usageEvents()).map((event) => event.action)).toEqual(['unknown']);
  });
});

describe('PAYLOAD_LOGGING', () => {
  beforeEach(resetOversight);
  const question = 'What did QUESTION-SECRET-5d1e say about jane.doe@example.com?';

  it('metadata (the default): no question, page or answer text in any stored row', async () => {
    await callSettled(
      '/v1/chat',
      jsonInit({ messages: [userMessage(`[[reply: ANSWER-SECRET-77ab is the answer.]] ${question}`)], page }),
    );
    await callSettled(
      '/v1/actions/follow-up-email',
      jsonInit({ page, messages: [userMessage(`[[reply: Dear ANSWER-SECRET-77ab]] ${question}`)] }),
    );
    const [chat, action] = await usageEvents();
    expect(chat?.tokens_out).toBeGreaterThan(0);
    expect(action?.action).toBe('follow-up-email');
    const stored = JSON.stringify(await env.DB.prepare('SELECT * FROM usage_events').all());
    for (const secret of ['QUESTION-SECRET', 'PAGE-SECRET', 'ANSWER-SECRET', 'jane.doe', 'Acme renewal', page.url]) {
      expect(stored).not.toContain(secret);
    }
  });

  it('full: the question and the answer are stored', async () => {
    const environment = await testEnv({ PAYLOAD_LOGGING: 'full' });
    await callSettled(
      '/v1/chat',
      jsonInit({ messages: [userMessage(`[[reply: ANSWER-SECRET-77ab.]] ${question}`)], page }),
      environment,
    );
    const [event] = await usageEvents();
    expect(event?.question).toContain('QUESTION-SECRET-5d1e');
    expect(event?.question).toContain('jane.doe@example.com');
    expect(event?.answer).toBe('ANSWER-SECRET-77ab.');
    // Even under full, the page itself is not a prompt the person wrote: it is not stored.
    expect(JSON.stringify(event)).not.toContain('PAGE-SECRET');
  });

  it('full with REDACT=pii: personal data is stored as placeholders', async () => {
    const environment = await testEnv({ PAYLOAD_LOGGING: 'full', REDACT: 'pii' });
    await callSettled(
      '/v1/chat',
      jsonInit({ messages: [userMessage(`[[reply: Write to jane.doe@example.com.]] ${question}`)] }),
      environment,
    );
    const [event] = await usageEvents();
    expect(event?.question).toContain('QUESTION-SECRET-5d1e');
    expect(event?.question).toContain('[EMAIL_1]');
    expect(event?.answer).toBe('Write to [EMAIL_1].');
    expect(JSON.stringify(event)).not.toContain('jane.doe');
  });
});

describe('DAILY_TOKEN_QUOTA', () => {
  beforeEach(resetOversight);

  it('past the quota a person gets 429 quota_exceeded with Retry-After and when it resets; others are unaffected', async () => {
    const environment = await testEnv({ DAILY_TOKEN_QUOTA: '5' });
    const sam = await signToken({ sub: 'sam-quota' });
    const first = await callSettled(
      '/v1/chat',
      jsonInit({ messages: [userMessage('[[reply: A long enough answer to pass five tokens.]] hi')] }, sam),
      environment,
    );
    expect(first.response.status).toBe(200);

    const refused = await callSettled(
      '/v1/chat',
      jsonInit({ messages: [userMessage('[[reply: again]] hi')] }, sam),
      environment,
    );
    expect(refused.response.status).toBe(429);
    expect(refused.response.headers.get('Content-Type')).toContain('application/problem+json');
    const problem = Problem.parse(JSON.parse(refused.text));
    expect(problem.code).toBe('quota_exceeded');
    const now = new Date();
    const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString();
    expect(problem.resetsAt).toBe(midnight);
    expect(problem.detail).toContain(midnight);
    const retryAfter = Number(refused.response.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);

    // Quick actions share the same budget.
    const action = await callSettled('/v1/actions/summarize-page', jsonInit({ page }, sam), environment);
    expect(action.response.status).toBe(429);

    const alex = await signToken({ sub: 'alex-quota' });
    const other = await callSettled(
      '/v1/chat',
      jsonInit({ messages: [userMessage('[[reply: fine]] hi')] }, alex),
      environment,
    );
    expect(other.response.status).toBe(200);

    const codes = (await usageEvents()).map((event) => event.error_code);
    expect(codes).toEqual([null, 'quota_exceeded', 'quota_exceeded', null]);
  });

  it('yesterday’s tokens do not count today', async () => {
    const environment = await testEnv({ DAILY_TOKEN_QUOTA: '100' });
    const person = await testPseudonym('dev');
    await env.DB.prepare(
      `INSERT INTO usage_events (id, at, day, person, action, tokens_in, tokens_out, total_ms, status)
       VALUES ('old', '2020-01-01T10:00:00.000Z', '2020-01-01', ?, 'chat', 500, 500, 10, 200)`,
    )
      .bind(person)
      .run();
    const { response } = await callSettled(
      '/v1/chat',
      jsonInit({ messages: [userMessage('[[reply: ok]] hi')] }, DEV_TOKEN),
      environment,
    );
    expect(response.status).toBe(200);
  });

  it('no quota set: no limit', async () => {
    const person = await testPseudonym('dev');
    const today = new Date().toISOString();
    await env.DB.prepare(
      `INSERT INTO usage_events (id, at, day, person, action, tokens_in, tokens_out, total_ms, status)
       VALUES ('big', ?, ?, ?, 'chat', 9000000, 9000000, 10, 200)`,
    )
      .bind(today, today.slice(0, 10), person)
      .run();
    const { response } = await callSettled('/v1/chat', jsonInit({ messages: [userMessage('[[reply: ok]] hi')] }));
    expect(response.status).toBe(200);
  });
});

describe('oversight settings', () => {
  it('production refuses to run without USAGE_PSEUDONYM_KEY, naming it', async () => {
    const environment = await testEnv({ ENVIRONMENT: 'production', USAGE_PSEUDONYM_KEY: '' });
    const { response, text } = await callSettled(
      '/v1/me',
      { headers: { Authorization: `Bearer ${await signToken()}` } },
      environment,
    );
    expect(response.status).toBe(503);
    expect(Problem.parse(JSON.parse(text)).detail).toContain('USAGE_PSEUDONYM_KEY');
  });

  it.each([
    ['PAYLOAD_LOGGING', { PAYLOAD_LOGGING: 'everything' }],
    ['DAILY_TOKEN_QUOTA', { DAILY_TOKEN_QUOTA: 'lots' }],
    ['USAGE_PSEUDONYM_KEY', { USAGE_PSEUDONYM_KEY: 'short' }],
  ])('an unusable %s answers 503 server_misconfigured naming it', async (setting, overrides) => {
    const { response, text } = await callSettled(
      '/v1/chat',
      jsonInit({ messages: [userMessage('hi')] }),
      await testEnv(overrides),
    );
    expect(response.status).toBe(503);
    const problem = Problem.parse(JSON.parse(text));
    expect(problem.code).toBe('server_misconfigured');
    expect(problem.detail).toContain(setting);
  });
});
