/**
 * Sign-in tokens from a real OpenID provider (oidc-provider, test/idp/), issued through its login form and
 * Authorization Code + PKCE flow, against the worker's verification.
 */
import { base64url, decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeResponse } from '../../shared/me';
import {
  defaultIdp,
  type IdpInfo,
  idpSettings,
  idpStats,
  refresh,
  rotateKeys,
  signIn,
  startOwnIdp,
} from '../testing/idp';
import { call, testEnv } from '../testing/support';

const SAMPLE_SPACES = '{"company":["*"],"sales":["sales-team"],"support":["support-team"],"hr":["hr-team"]}';

async function envFor(idp: IdpInfo, overrides: Record<string, string | undefined> = {}) {
  return testEnv({ ...idpSettings(idp), SPACES: SAMPLE_SPACES, ADMIN_GROUPS: 'kb-admins', ...overrides });
}

async function me(token: string, environment: Awaited<ReturnType<typeof testEnv>>) {
  const response = await call('/v1/me', { headers: { Authorization: `Bearer ${token}` } }, environment);
  if (response.status !== 200) {
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    return { status: response.status, code: ((await response.json()) as { code: string }).code };
  }
  return { status: 200, me: MeResponse.parse(await response.json()) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('tokens from the identity provider', () => {
  it('accepts a sales rep’s access token and knows their name, email, groups and spaces', async () => {
    const idp = defaultIdp();
    const tokens = await signIn(idp, 'sam');
    expect(decodeJwt(tokens.access_token).aud).toBe(idp.audience);
    expect(await me(tokens.access_token, await envFor(idp))).toEqual({
      status: 200,
      me: {
        subject: 'sam',
        name: 'Sam Rivera',
        email: 'sam@northwind.example',
        groups: ['sales-team'],
        spaces: ['company', 'sales'],
        admin: false,
      },
    });
  });

  it('gives each demo person their own spaces, and the administrator all of them', async () => {
    const idp = defaultIdp();
    const environment = await envFor(idp);
    const spacesOf = async (login: string) => {
      const result = await me((await signIn(idp, login)).access_token, environment);
      return result.me && { spaces: result.me.spaces, admin: result.me.admin };
    };
    expect(await spacesOf('alex@northwind.example')).toEqual({ spaces: ['company', 'support'], admin: false });
    expect(await spacesOf('priya')).toEqual({ spaces: ['company', 'hr'], admin: false });
    expect(await spacesOf('morgan')).toEqual({ spaces: ['company', 'hr', 'sales', 'support'], admin: true });
  });

  it('accepts the ID token with AUTH_TOKEN_TYPE=id (audience: the client id), and refuses it as an access token', async () => {
    const idp = defaultIdp();
    const tokens = await signIn(idp, 'sam');
    expect(tokens.id_token).toBeTruthy();
    const idToken = tokens.id_token ?? '';
    const idMode = await envFor(idp, { AUTH_TOKEN_TYPE: 'id', AUTH_AUDIENCE: undefined });
    expect((await me(idToken, idMode)).me?.email).toBe('sam@northwind.example');
    // With the access-token audience configured, the ID token (aud = client id) does not pass.
    expect(await me(idToken, await envFor(idp))).toEqual({ status: 401, code: 'unauthorized' });
    // …and the access token does not pass as an ID token.
    expect(await me(tokens.access_token, idMode)).toEqual({ status: 401, code: 'unauthorized' });
  });

  it('accepts the access token a refresh token renews', async () => {
    const idp = defaultIdp();
    const first = await signIn(idp, 'priya');
    expect(first.refresh_token).toBeTruthy();
    const renewed = await refresh(idp, first.refresh_token ?? '');
    expect(renewed.access_token).not.toBe(first.access_token);
    expect((await me(renewed.access_token, await envFor(idp))).me?.subject).toBe('priya');
  });

  it('refuses an expired access token', async () => {
    const idp = defaultIdp();
    const tokens = await signIn(idp, 'sam');
    const environment = await envFor(idp);
    expect((await me(tokens.access_token, environment)).status).toBe(200);
    const expiresAt = (decodeJwt(tokens.access_token).exp ?? 0) * 1000;
    vi.useFakeTimers({ toFake: ['Date'] });
    // Past expiry and the 30 s clock tolerance.
    vi.setSystemTime(expiresAt + 31_000);
    expect(await me(tokens.access_token, environment)).toEqual({ status: 401, code: 'unauthorized' });
  });

  it('refuses a token for another audience or from another issuer', async () => {
    const idp = defaultIdp();
    const tokens = await signIn(idp, 'sam');
    expect(await me(tokens.access_token, await envFor(idp, { AUTH_AUDIENCE: 'urn:another:api' }))).toEqual({
      status: 401,
      code: 'unauthorized',
    });
    expect(await me(tokens.access_token, await envFor(idp, { AUTH_ISSUER: 'https://login.another.example' }))).toEqual({
      status: 401,
      code: 'unauthorized',
    });
  });

  it('refuses a token signed by a key the configured provider does not publish', async () => {
    const trusted = defaultIdp();
    const other = await startOwnIdp();
    const tokens = await signIn(other, 'sam');
    // Same issuer and audience as expected, but the keys come from the trusted provider: the kid is unknown.
    const environment = await envFor(trusted, { AUTH_ISSUER: other.issuer });
    expect(await me(tokens.access_token, environment)).toEqual({ status: 401, code: 'unauthorized' });
  });

  it('refuses HS256 (signed with the public key as secret) and alg "none" versions of a genuine token', async () => {
    const idp = defaultIdp();
    const tokens = await signIn(idp, 'sam');
    const environment = await envFor(idp);
    const claims = decodeJwt(tokens.access_token);
    const { kid } = decodeProtectedHeader(tokens.access_token);
    const jwks = (await (await fetch(idp.jwksUrl)).json()) as { keys: { kid: string }[] };
    const publicJwk = jwks.keys.find((key) => key.kid === kid);
    expect(publicJwk).toBeDefined();
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid })
      .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
    expect(await me(hs256, environment)).toEqual({ status: 401, code: 'unauthorized' });

    const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
    const unsigned = `${encode({ alg: 'none', typ: 'JWT', kid })}.${encode(claims)}.`;
    expect(await me(unsigned, environment)).toEqual({ status: 401, code: 'unauthorized' });
    // The genuine token passes with the same environment, so the refusals above are about the algorithm.
    expect((await me(tokens.access_token, environment)).status).toBe(200);
  });

  it('accepts ES256 tokens', async () => {
    const idp = await startOwnIdp({ algorithm: 'ES256' });
    const tokens = await signIn(idp, 'alex');
    expect(decodeProtectedHeader(tokens.access_token).alg).toBe('ES256');
    expect((await me(tokens.access_token, await envFor(idp))).me?.subject).toBe('alex');
  });
});

describe('key rotation at the provider', () => {
  it('is picked up without a restart, refetching the keys at most once per cooldown', async () => {
    const idp = await startOwnIdp();
    const environment = await envFor(idp);
    const before = await signIn(idp, 'sam');
    expect((await me(before.access_token, environment)).status).toBe(200);
    const fetchesAfterFirstUse = (await idpStats(idp)).jwksRequests;
    expect(fetchesAfterFirstUse).toBe(1);

    const { kid } = await rotateKeys(idp);
    const after = await signIn(idp, 'sam');
    expect(decodeProtectedHeader(after.access_token).kid).toBe(kid);

    // Within the cooldown, an unknown kid does not make the worker refetch: made-up kids cannot flood the provider.
    const started = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(started + 1_000);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await me(after.access_token, environment)).toEqual({ status: 401, code: 'unauthorized' });
    }
    expect((await idpStats(idp)).jwksRequests).toBe(fetchesAfterFirstUse);

    // After the cooldown the new key is fetched once and accepted; tokens signed before rotation still pass.
    vi.setSystemTime(started + 31_000);
    expect((await me(after.access_token, environment)).status).toBe(200);
    expect((await me(before.access_token, environment)).status).toBe(200);
    expect((await idpStats(idp)).jwksRequests).toBe(fetchesAfterFirstUse + 1);
  });
});

describe('when the provider’s keys cannot be fetched', () => {
  it('answers 503 (retryable), not 401: the person’s sign-in is not what failed', async () => {
    const idp = defaultIdp();
    const tokens = await signIn(idp, 'sam');
    // Port 9 (discard) on loopback: nothing listens, the connection is refused.
    const environment = await envFor(idp, { AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks' });
    const response = await call('/v1/me', { headers: { Authorization: `Bearer ${tokens.access_token}` } }, environment);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 'upstream_error', retryable: true });
  });
});
