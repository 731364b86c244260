import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './people';
import { type Idp, startIdp } from './server';
import { discover, refreshTokens, revokeToken, signInWithPassword } from './sign-in';

const EXTENSION_REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/oidc';

describe('local identity provider', () => {
  let idp: Idp;
  beforeAll(async () => {
    idp = await startIdp({ accessTokenTtl: 60, clientRedirectUris: [EXTENSION_REDIRECT] });
  });
  afterAll(() => idp.stop());

  const signIn = (login: string, password = DEMO_PASSWORD, extra: { redirectUri?: string } = {}) =>
    signInWithPassword({ issuer: idp.issuer, clientId: idp.clientId, login, password, ...extra });

  it('publishes discovery for a public PKCE client with revocation', async () => {
    const metadata = (await discover(idp.issuer)) as unknown as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: idp.issuer,
      jwks_uri: idp.jwksUrl,
      code_challenge_methods_supported: ['S256'],
      revocation_endpoint: `${idp.issuer}/token/revocation`,
    });
  });

  it('issues a JWT access token for the resource, with groups, verifiable with its JWKS', async () => {
    const tokens = await signIn('sam@northwind.example');
    const { payload } = await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL(idp.jwksUrl)), {
      issuer: idp.issuer,
      audience: idp.audience,
    });
    expect(payload).toMatchObject({ sub: 'sam', groups: ['sales-team'], email: 'sam@northwind.example' });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(60);
    expect(decodeJwt(tokens.id_token ?? '')).toMatchObject({ aud: idp.clientId, name: 'Sam Rivera' });
    expect(tokens.refresh_token).toBeTruthy();
  });

  it('refuses a wrong password and an unregistered redirect URI', async () => {
    await expect(signIn('sam', 'wrong')).rejects.toThrow(/wrong email or password/);
    await expect(
      signIn('sam', DEMO_PASSWORD, { redirectUri: 'https://ponmlkjihgfedcbaponmlkjihgfedcba.chromiumapp.org/' }),
    ).rejects.toThrow();
    // The registered extension redirect works.
    expect((await signIn('sam', DEMO_PASSWORD, { redirectUri: EXTENSION_REDIRECT })).access_token).toBeTruthy();
  });

  it('rotates refresh tokens and honours revocation', async () => {
    const first = await signIn('alex');
    const second = await refreshTokens(idp.issuer, idp.clientId, first.refresh_token ?? '');
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(await revokeToken(idp.issuer, idp.clientId, second.refresh_token ?? '')).toBe(200);
    await expect(refreshTokens(idp.issuer, idp.clientId, second.refresh_token ?? '')).rejects.toThrow(/invalid_grant/);
  });

  it('rotates keys: new kid, old key kept or dropped', async () => {
    const before = idp.currentKid();
    const { kid } = await idp.rotateKeys();
    expect(kid).not.toBe(before);
    expect(decodeProtectedHeader((await signIn('priya')).access_token).kid).toBe(kid);
    const kids = async () =>
      ((await (await fetch(idp.jwksUrl)).json()) as { keys: { kid: string }[] }).keys.map((key) => key.kid);
    expect(await kids()).toEqual([kid, before]);
    const { kid: latest } = await idp.rotateKeys({ keepPrevious: false });
    expect(await kids()).toEqual([latest]);
  });

  it('accepts any extension redirect only when asked to (npm run dev -- --local-idp)', async () => {
    const open = await startIdp({ anyExtensionRedirect: true });
    try {
      const other = 'https://ponmlkjihgfedcbaponmlkjihgfedcba.chromiumapp.org/cb';
      const tokens = await signInWithPassword({
        issuer: open.issuer,
        clientId: open.clientId,
        login: 'morgan',
        password: DEMO_PASSWORD,
        redirectUri: other,
      });
      expect(decodeJwt(tokens.access_token).groups).toEqual(['kb-admins']);
      await expect(
        signInWithPassword({
          issuer: open.issuer,
          clientId: open.clientId,
          login: 'morgan',
          password: DEMO_PASSWORD,
          redirectUri: 'https://evil.example/cb',
        }),
      ).rejects.toThrow();
    } finally {
      await open.stop();
    }
  });
});
