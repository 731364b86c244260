import { describe, expect, it } from 'vitest';
import { HealthDetails, HealthResponse } from '../shared/health';
import { call, DEV_TOKEN, jsonInit, testEnv, userMessage } from './testing/support';

async function problemOf(response: Response) {
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  return (await response.json()) as { code: string; status: number; detail?: string; issues?: { path: string }[] };
}

describe('health', () => {
  it('answers without auth with status and version only', async () => {
    const response = await call('/v1/health');
    expect(response.status).toBe(200);
    expect(HealthResponse.strict().parse(await response.json())).toEqual({ status: 'ok', version: '0.1.0' });
  });

  it('gives an administrator the model and adapters in /v1/health/details', async () => {
    const response = await call('/v1/health/details', { headers: { Authorization: `Bearer ${DEV_TOKEN}` } });
    expect(response.status).toBe(200);
    const body = HealthDetails.parse(await response.json());
    expect(body.model.configured).toBe(true);
    expect(body.adapters.vectorIndex).toBe('local');
    expect(body.problems).toEqual([]);
  });

  it('says when no model is configured, without leaking secrets', async () => {
    const response = await call(
      '/v1/health/details',
      { headers: { Authorization: `Bearer ${DEV_TOKEN}` } },
      await testEnv({ OPENAI_BASE_URL: undefined, OPENAI_API_KEY: undefined }),
    );
    const body = HealthDetails.parse(await response.json());
    expect(body.model.configured).toBe(false);
    expect(JSON.stringify(body)).not.toContain(DEV_TOKEN);
  });
});

describe('errors are problem+json with stable codes', () => {
  it('unknown route → 404 not_found', async () => {
    const problem = await problemOf(await call('/v1/nope', { headers: { Authorization: `Bearer ${DEV_TOKEN}` } }));
    expect(problem).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('malformed JSON → 400 invalid_json', async () => {
    const response = await call('/v1/chat', jsonInit('{"messages": [', DEV_TOKEN));
    expect(response.status).toBe(400);
    expect((await problemOf(response)).code).toBe('invalid_json');
  });

  it('wrong types → 400 invalid_request listing the fields', async () => {
    const response = await call('/v1/chat', jsonInit({ messages: 'hello', page: { url: 42 } }));
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.code).toBe('invalid_request');
    expect(problem.issues?.map((issue) => issue.path)).toEqual(expect.arrayContaining(['messages', 'page.url']));
  });

  it('last message must be the user’s', async () => {
    const assistant = { id: 'a', role: 'assistant', parts: [{ type: 'text', text: 'hi' }] };
    const response = await call('/v1/chat', jsonInit({ messages: [userMessage('q'), assistant] }));
    expect((await problemOf(response)).code).toBe('invalid_request');
  });

  it('non-JSON content type → 415', async () => {
    const response = await call('/v1/chat', {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEV_TOKEN}`, 'Content-Type': 'text/plain' },
      body: 'hello',
    });
    expect(response.status).toBe(415);
    expect((await problemOf(response)).code).toBe('unsupported_media_type');
  });

  it('oversize body → 413 payload_too_large', async () => {
    const huge = 'x'.repeat(1_100_000);
    const response = await call('/v1/chat', jsonInit({ messages: [userMessage(huge)] }));
    expect(response.status).toBe(413);
    expect((await problemOf(response)).code).toBe('payload_too_large');
  });
});

describe('CORS', () => {
  it('answers the preflight of an unpacked extension in development', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const response = await call('/v1/chat', {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    expect(response.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('authorization');
  });

  it('allows only configured origins in production', async () => {
    const allowed = 'chrome-extension://publishedid';
    const environment = await testEnv({ ENVIRONMENT: 'production', ALLOWED_ORIGINS: allowed });
    const preflight = (origin: string) =>
      call(
        '/v1/chat',
        { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } },
        environment,
      );
    expect((await preflight(allowed)).headers.get('Access-Control-Allow-Origin')).toBe(allowed);
    expect((await preflight('chrome-extension://someoneelse')).headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect((await preflight('https://evil.example')).headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
