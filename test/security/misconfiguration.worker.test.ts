/**
 * Attack/failure class: a deployment setting the worker cannot parse. Before, an invalid AUTH_JWKS threw inside
 * every signed-in request (500 internal_error) and an invalid SPACES silently left everyone without knowledge.
 * Now every route past /v1/health answers 503 server_misconfigured naming the setting (never its value), and
 * /v1/health/details tells an administrator what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { HealthDetails, HealthResponse } from '../../shared/health';
import type { Env } from '../../worker/env';
import { call, DEV_TOKEN, jsonInit, signToken, testEnv, userMessage } from '../../worker/testing/support';

const SECRET_LOOKING_VALUE = '{"keys": [ {"kty":"RSA","n":"s3cr3t-value-that-must-not-echo"';

async function problemOf(response: Response) {
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  return (await response.json()) as { status: number; code: string; detail: string };
}

const broken: { setting: string; overrides: Partial<Env> }[] = [
  { setting: 'AUTH_JWKS', overrides: { AUTH_JWKS: SECRET_LOOKING_VALUE } },
  { setting: 'AUTH_JWKS', overrides: { AUTH_JWKS: '{"not":"a key set"}' } },
  { setting: 'SPACES', overrides: { SPACES: '{"sales": "sales-team"' } },
  { setting: 'AUTH_MODE', overrides: { AUTH_MODE: 'saml' } },
  { setting: 'AUTH_TOKEN_TYPE', overrides: { AUTH_TOKEN_TYPE: 'refresh' } },
  { setting: 'CF_ACCESS_TEAM_DOMAIN', overrides: { AUTH_MODE: 'cloudflare-access', CF_ACCESS_AUD: 'aud' } },
  {
    setting: 'CF_ACCESS_TEAM_DOMAIN',
    overrides: { AUTH_MODE: 'cloudflare-access', CF_ACCESS_AUD: 'aud', CF_ACCESS_TEAM_DOMAIN: 'evil.example/x?' },
  },
  { setting: 'AUTH_JWKS_URL', overrides: { AUTH_JWKS: undefined, AUTH_JWKS_URL: 'http://login.example/jwks' } },
  { setting: 'AUTH_ISSUER', overrides: { AUTH_ISSUER: undefined } },
  { setting: 'CAPTURE_BLOCKLIST', overrides: { CAPTURE_BLOCKLIST: 'mail.example.com, https://evil example' } },
  { setting: 'DISABLED_FEATURES', overrides: { DISABLED_FEATURES: 'actions,teleport' } },
];

describe('an unusable setting', () => {
  it('invalid AUTH_JWKS JSON: a signed-in chat gets 503 server_misconfigured naming AUTH_JWKS, not a 500', async () => {
    const environment = await testEnv({ AUTH_JWKS: SECRET_LOOKING_VALUE });
    const response = await call(
      '/v1/chat',
      jsonInit({ messages: [userMessage('hi')] }, await signToken()),
      environment,
    );
    expect(response.status).toBe(503);
    const problem = await problemOf(response);
    expect(problem.code).toBe('server_misconfigured');
    expect(problem.detail).toContain('AUTH_JWKS');
    expect(JSON.stringify(problem)).not.toContain('s3cr3t');
  });

  it('invalid SPACES JSON: search answers 503 naming SPACES instead of running with no spaces', async () => {
    const environment = await testEnv({ SPACES: '{"sales": ["sales-team"' });
    const response = await call('/v1/search', jsonInit({ query: 'refunds' }, DEV_TOKEN), environment);
    expect(response.status).toBe(503);
    const problem = await problemOf(response);
    expect(problem.code).toBe('server_misconfigured');
    expect(problem.detail).toContain('SPACES');
  });

  it.each(broken)(
    '$setting ($overrides): every route past health says 503 server_misconfigured',
    async ({ setting, overrides }) => {
      const environment = await testEnv(overrides);
      for (const [path, init] of [
        ['/v1/chat', jsonInit({ messages: [userMessage('hi')] }, await signToken())],
        ['/v1/search', jsonInit({ query: 'refunds' }, DEV_TOKEN)],
        ['/v1/config', {}],
        ['/v1/me', { headers: { Authorization: `Bearer ${DEV_TOKEN}` } }],
      ] as const) {
        const response = await call(path, init, environment);
        expect(response.status, path).toBe(503);
        const problem = await problemOf(response);
        expect(problem.code).toBe('server_misconfigured');
        expect(problem.detail).toContain(setting);
      }
    },
  );

  it('/v1/health says "misconfigured" (503) without details; /v1/health/details names the setting to an admin', async () => {
    const environment = await testEnv({ AUTH_JWKS: SECRET_LOOKING_VALUE, ADMIN_API_KEY: 'ops-key' });
    const health = await call('/v1/health', {}, environment);
    expect(health.status).toBe(503);
    expect(HealthResponse.strict().parse(await health.json())).toEqual({ status: 'misconfigured', version: '0.1.0' });

    // The admin API key still works when sign-in itself is what is broken; so does the dev token in development.
    for (const token of ['ops-key', DEV_TOKEN]) {
      const details = await call('/v1/health/details', { headers: { Authorization: `Bearer ${token}` } }, environment);
      expect(details.status).toBe(200);
      const body = HealthDetails.parse(await details.json());
      expect(body.status).toBe('misconfigured');
      expect(body.problems).toEqual([{ setting: 'AUTH_JWKS', message: 'AUTH_JWKS is not valid JSON.' }]);
      expect(JSON.stringify(body)).not.toContain('s3cr3t');
    }
  });

  it('a loopback Cloudflare Access team domain (a test stand-in) is refused in production', async () => {
    const environment = await testEnv({
      ENVIRONMENT: 'production',
      AUTH_MODE: 'cloudflare-access',
      CF_ACCESS_TEAM_DOMAIN: '127.0.0.1:9999',
      CF_ACCESS_AUD: 'aud',
    });
    const problem = await problemOf(await call('/v1/me', {}, environment));
    expect(problem).toMatchObject({ status: 503, code: 'server_misconfigured' });
    expect(problem.detail).toContain('CF_ACCESS_TEAM_DOMAIN');
  });
});
