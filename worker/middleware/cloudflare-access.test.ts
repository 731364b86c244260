/**
 * AUTH_MODE=cloudflare-access: the worker trusts the assertion Cloudflare Access adds to each request it let
 * through, verified against the team's certs. A loopback server (test/idp/control.ts) stands in for the team
 * domain; a loopback team domain is refused outside development/test (test/security/misconfiguration).
 */
import { describe, expect, it } from 'vitest';
import { ServerConfig } from '../../shared/config';
import { MeResponse } from '../../shared/me';
import { accessAssertion, accessTeamDomain, defaultIdp, signIn } from '../testing/idp';
import { call, DEV_TOKEN, testEnv } from '../testing/support';

const AUD = 'a1b2c3d4e5f6-access-aud-tag';

function accessEnv() {
  return testEnv({
    AUTH_MODE: 'cloudflare-access',
    CF_ACCESS_TEAM_DOMAIN: accessTeamDomain(),
    CF_ACCESS_AUD: AUD,
    SPACES: '{"company":["*"],"sales":["sales-team"]}',
  });
}

async function meWith(headers: Record<string, string>) {
  const response = await call('/v1/me', { headers }, await accessEnv());
  if (response.status !== 200)
    return { status: response.status, code: ((await response.json()) as { code: string }).code };
  return { status: 200, me: MeResponse.parse(await response.json()) };
}

describe('Cloudflare Access', () => {
  it('accepts the Cf-Access-Jwt-Assertion signed with the team’s keys, with email and groups', async () => {
    const assertion = await accessAssertion({
      audience: [AUD],
      claims: { sub: 'cf-123', email: 'sam@northwind.example', custom: { groups: ['sales-team'] } },
    });
    expect(await meWith({ 'Cf-Access-Jwt-Assertion': assertion })).toEqual({
      status: 200,
      me: {
        subject: 'cf-123',
        email: 'sam@northwind.example',
        groups: ['sales-team'],
        spaces: ['company', 'sales'],
        admin: false,
      },
    });
  });

  it('refuses a missing assertion, another application’s, another team’s, an expired one and a bearer token', async () => {
    const refused = { status: 401, code: 'unauthorized' };
    expect(await meWith({})).toEqual(refused);
    const otherApp = await accessAssertion({ audience: ['another-app'], claims: { email: 'x@y' } });
    expect(await meWith({ 'Cf-Access-Jwt-Assertion': otherApp })).toEqual(refused);
    const otherTeam = await accessAssertion({ audience: [AUD], issuer: 'https://other.cloudflareaccess.com' });
    expect(await meWith({ 'Cf-Access-Jwt-Assertion': otherTeam })).toEqual(refused);
    const expired = await accessAssertion({ audience: [AUD], expiresIn: '-5m' });
    expect(await meWith({ 'Cf-Access-Jwt-Assertion': expired })).toEqual(refused);
    // A genuine OIDC token is not an Access assertion, in either header.
    const { access_token } = await signIn(defaultIdp(), 'sam');
    expect(await meWith({ Authorization: `Bearer ${access_token}` })).toEqual(refused);
    expect(await meWith({ 'Cf-Access-Jwt-Assertion': access_token })).toEqual(refused);
  });

  it('keeps the dev token in development, and tells the extension it is behind Access', async () => {
    expect((await meWith({ Authorization: `Bearer ${DEV_TOKEN}` })).status).toBe(200);
    const config = ServerConfig.parse(await (await call('/v1/config', {}, await accessEnv())).json());
    expect(config.auth).toEqual({ mode: 'cloudflare-access', teamDomain: accessTeamDomain() });
  });
});
