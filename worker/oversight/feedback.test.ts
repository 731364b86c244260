import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { Problem } from '../../shared/errors';
import { FeedbackResponse } from '../../shared/oversight';
import { callSettled, resetOversight, testPseudonym, usageEvents } from '../testing/oversight';
import { DEV_TOKEN, jsonInit, readUIStream, signToken, testEnv, userMessage } from '../testing/support';

interface StoredFeedback {
  id: string;
  person: string;
  groups: string;
  message_id: string;
  conversation_id: string | null;
  kind: string;
  assistant: string | null;
  action: string | null;
  model: string | null;
  rating: string;
  reason: string | null;
  comment: string | null;
  answer_excerpt: string | null;
  sources: string;
}

async function storedFeedback(): Promise<StoredFeedback[]> {
  return (await env.DB.prepare('SELECT * FROM feedback ORDER BY at').all<StoredFeedback>()).results;
}

async function answer(token: string, text = '[[reply: Acme renews in March [1].]] when does Acme renew?') {
  const { text: stream } = await callSettled('/v1/chat', jsonInit({ messages: [userMessage(text)] }, token));
  const start = (await readUIStream(new Response(stream))).find((chunk) => chunk.type === 'start');
  return String(start?.messageId);
}

const sources = [
  {
    kind: 'knowledge',
    title: 'Renewals playbook',
    url: 'https://kb.example.com/renewals',
    space: 'sales',
    documentId: 'renewals',
  },
  { kind: 'page', title: 'Acme — PAGE-TITLE-SECRET', url: 'https://acme.my.salesforce.com/006PAGESECRET' },
  { kind: 'knowledge', title: 'Evil', url: 'javascript:alert(1)' },
];

describe('POST /v1/feedback', () => {
  beforeEach(resetOversight);

  it('stores a thumbs-down with its reason and comment, tied to the answer the worker gave', async () => {
    const token = await signToken({ sub: 'sam-feedback', groups: ['sales-team'] });
    const messageId = await answer(token);
    const response = await callSettled(
      '/v1/feedback',
      jsonInit(
        {
          messageId,
          rating: 'down',
          reason: 'outdated',
          comment: 'The renewal moved to April.',
          excerpt: 'EXCERPT-SECRET Acme renews in March',
          sources,
          action: 'forged-action',
        },
        token,
      ),
    );
    expect(response.response.status).toBe(200);
    const body = FeedbackResponse.parse(JSON.parse(response.text));
    expect(body).toMatchObject({ messageId, rating: 'down', reason: 'outdated' });

    const [row, ...others] = await storedFeedback();
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      id: body.id,
      person: await testPseudonym('sam-feedback'),
      groups: JSON.stringify(['sales-team']),
      message_id: messageId,
      kind: 'answer',
      // What answered comes from the worker's own usage event, not from the request.
      action: 'chat',
      model: 'test-chat',
      rating: 'down',
      reason: 'outdated',
      comment: 'The renewal moved to April.',
      answer_excerpt: null,
    });
    // Under PAYLOAD_LOGGING=metadata only knowledge sources are kept, and only http(s) links.
    expect(JSON.parse(row?.sources ?? '')).toEqual([
      { title: 'Renewals playbook', url: 'https://kb.example.com/renewals', space: 'sales', documentId: 'renewals' },
      { title: 'Evil' },
    ]);
    expect(JSON.stringify(row)).not.toContain('SECRET');
    expect((await usageEvents())[0]?.message_id).toBe(messageId);
  });

  it('rating the same answer again replaces the rating (one per person and answer); another person adds theirs', async () => {
    const messageId = await answer(DEV_TOKEN);
    await callSettled('/v1/feedback', jsonInit({ messageId, rating: 'down', reason: 'wrong' }));
    await callSettled('/v1/feedback', jsonInit({ messageId, rating: 'up' }));
    let rows = await storedFeedback();
    expect(rows.map((row) => [row.rating, row.reason])).toEqual([['up', null]]);

    await callSettled(
      '/v1/feedback',
      jsonInit({ messageId, rating: 'down', reason: 'unsafe' }, await signToken({ sub: 'other' })),
    );
    rows = await storedFeedback();
    expect(rows).toHaveLength(2);
  });

  it('rates a draft of a quick action the worker did not see under the panel’s action name', async () => {
    const { response } = await callSettled(
      '/v1/feedback',
      jsonInit({ messageId: 'draft-1', kind: 'draft', rating: 'up', action: 'follow-up-email' }),
    );
    expect(response.status).toBe(200);
    expect((await storedFeedback())[0]).toMatchObject({ kind: 'draft', action: 'follow-up-email', model: null });
  });

  it('another person’s answer does not lend its details to a rating', async () => {
    const messageId = await answer(await signToken({ sub: 'owner' }));
    await callSettled('/v1/feedback', jsonInit({ messageId, rating: 'up' }, await signToken({ sub: 'stranger' })));
    expect((await storedFeedback())[0]).toMatchObject({ model: null, action: null });
  });

  it('PAYLOAD_LOGGING=full keeps the excerpt and the page source, redacted under REDACT=pii', async () => {
    const environment = await testEnv({ PAYLOAD_LOGGING: 'full', REDACT: 'pii' });
    await callSettled(
      '/v1/feedback',
      jsonInit({
        messageId: 'm-full',
        rating: 'down',
        reason: 'not_grounded',
        comment: 'Call me at jane.doe@example.com',
        excerpt: 'Write to jane.doe@example.com about the renewal',
        sources,
      }),
      environment,
    );
    const [row] = await storedFeedback();
    expect(row?.answer_excerpt).toBe('Write to [EMAIL_1] about the renewal');
    expect(row?.comment).toBe('Call me at [EMAIL_1]');
    expect(JSON.parse(row?.sources ?? '')).toHaveLength(3);
  });

  it.each([
    ['no rating', { messageId: 'm' }, 'rating'],
    ['an unknown rating', { messageId: 'm', rating: 'meh' }, 'rating'],
    ['an unknown reason', { messageId: 'm', rating: 'down', reason: 'boring' }, 'reason'],
    ['a reason with a thumbs-up', { messageId: 'm', rating: 'up', reason: 'wrong' }, 'reason'],
    ['no message id', { rating: 'up' }, 'messageId'],
    ['a comment over 2,000 characters', { messageId: 'm', rating: 'down', comment: 'x'.repeat(2_001) }, 'comment'],
    ['an unknown field', { messageId: 'm', rating: 'up', person: 'someone-else' }, '(body)'],
    [
      'too many sources',
      { messageId: 'm', rating: 'up', sources: Array(21).fill({ kind: 'knowledge', title: 't' }) },
      'sources',
    ],
  ])('refuses %s with 400 invalid_request naming the field; nothing is stored', async (_name, body, field) => {
    const { response, text } = await callSettled('/v1/feedback', jsonInit(body));
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    const problem = Problem.parse(JSON.parse(text));
    expect(problem.code).toBe('invalid_request');
    expect(problem.issues?.map((issue) => issue.path)).toContain(field);
    expect(await storedFeedback()).toEqual([]);
  });

  it('refuses malformed JSON, a non-JSON body and a caller who is not signed in', async () => {
    expect((await callSettled('/v1/feedback', jsonInit('{"rating":'))).response.status).toBe(400);
    const form = await callSettled('/v1/feedback', {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEV_TOKEN}`, 'Content-Type': 'text/plain' },
      body: 'up',
    });
    expect(form.response.status).toBe(415);
    expect((await callSettled('/v1/feedback', jsonInit({ messageId: 'm', rating: 'up' }, null))).response.status).toBe(
      401,
    );
    expect(await storedFeedback()).toEqual([]);
  });
});
