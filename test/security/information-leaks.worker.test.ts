/**
 * Attack class: reconnaissance without an account. Before, unauthenticated /v1/health listed the environment,
 * model names and adapters, and 401s named the settings and issuer behind sign-in. Now /v1/health shows status
 * and version only, details need an administrator, and every refusal is the same generic 401.
 */
import { describe, expect, it } from 'vitest';
import type { Env } from '../../worker/env';
import { call, DEV_TOKEN, ISSUER, jsonInit, signToken, testEnv, userMessage } from '../../worker/testing/support';

const CONFIGURATION_WORDS = [
  'AUTH_',
  'JWKS',
  'CF_ACCESS',
  'issuer',
  'audience',
  'login.test.example',
  'beside-test',
  'cloudflare',
  'identity provider',
];

async function refusal(path: string, init: RequestInit, overrides: Partial<Env> = {}) {
  const response = await call(path, init, await testEnv(overrides));
  expect(response.status).toBe(401);
  const body = await response.text();
  const headers = JSON.stringify([...response.headers]);
  for (const word of CONFIGURATION_WORDS) {
    expect(body.toLowerCase(), `${path} body mentions ${word}`).not.toContain(word.toLowerCase());
    expect(headers.toLowerCase(), `${path} headers mention ${word}`).not.toContain(word.toLowerCase());
  }
  const problem = JSON.parse(body) as { code: string; detail: string; title: string };
  expect(problem.code).toBe('unauthorized');
  return `${problem.title} / ${problem.detail}`;
}

describe('unauthenticated /v1/health', () => {
  it('shows only status and version: no environment, models, adapters or upstream', async () => {
    const response = await call('/v1/health');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['status', 'version']);
    const text = JSON.stringify(body);
    for (const secretish of ['development', 'test-chat', 'test-embedding', 'openai', 'local', 'd1', '127.0.0.1']) {
      expect(text).not.toContain(secretish);
    }
  });

  it('keeps /v1/health/details for administrators', async () => {
    const details = (token?: string, overrides: Partial<Env> = {}) =>
      testEnv({ ADMIN_GROUPS: 'kb-admins', ADMIN_API_KEY: 'ops-key', ...overrides }).then((environment) =>
        call('/v1/health/details', token ? { headers: { Authorization: `Bearer ${token}` } } : {}, environment),
      );
    expect((await details()).status).toBe(401);
    expect((await details(await signToken({ groups: ['sales-team'] }))).status).toBe(403);
    expect((await details(await signToken({ groups: ['kb-admins'] }))).status).toBe(200);
    expect((await details(DEV_TOKEN)).status).toBe(200);
    expect((await details('ops-key')).status).toBe(200);
    // The dev token is no administrator outside development.
    expect((await details(DEV_TOKEN, { ENVIRONMENT: 'production' })).status).toBe(401);
  });
});

describe('401 responses', () => {
  it('say the same generic thing whatever the reason, and nothing about how sign-in is configured', async () => {
    const chat = (token: string | null) => jsonInit({ messages: [userMessage('hi')] }, token);
    const texts = new Set([
      await refusal('/v1/chat', chat(null)),
      await refusal('/v1/chat', chat('not.a.jwt')),
      await refusal('/v1/chat', chat(await signToken({}, { expiresIn: '-5m' }))),
      await refusal('/v1/chat', chat(await signToken({}, { issuer: 'https://evil.example/' }))),
      await refusal('/v1/chat', chat(await signToken({}, { audience: 'other-app' }))),
      // No identity provider configured at all.
      await refusal('/v1/chat', chat(await signToken()), { AUTH_JWKS: undefined, AUTH_ISSUER: undefined }),
      await refusal(
        '/v1/search',
        jsonInit({ query: 'x' }, await signToken({}, { issuer: ISSUER.replace('login', 'x') })),
      ),
      // Behind Cloudflare Access, a request that did not come through Access.
      await refusal(
        '/v1/me',
        { headers: { Authorization: `Bearer ${await signToken()}` } },
        {
          AUTH_MODE: 'cloudflare-access',
          CF_ACCESS_TEAM_DOMAIN: 'northwind.cloudflareaccess.com',
          CF_ACCESS_AUD: 'aud-tag',
        },
      ),
    ]);
    expect([...texts]).toHaveLength(1);
  });
});
