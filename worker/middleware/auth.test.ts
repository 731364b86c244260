import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AUDIENCE, call, DEV_TOKEN, ISSUER, jsonInit, signToken, testEnv, userMessage } from '../testing/support';

const body = { messages: [userMessage('[[reply: ok]] hi')] };

async function status(token: string | null, environment?: Awaited<ReturnType<typeof testEnv>>) {
  const response = await call('/v1/chat', jsonInit(body, token), environment);
  if (response.status !== 200) {
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    const problem = (await response.json()) as { code: string };
    return { status: response.status, code: problem.code };
  }
  await response.body?.cancel();
  return { status: 200, code: undefined };
}

describe('auth', () => {
  it('refuses a request without a token with 401 and WWW-Authenticate', async () => {
    const response = await call('/v1/chat', jsonInit(body, null));
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toContain('Bearer');
    expect(((await response.json()) as { code: string }).code).toBe('unauthorized');
  });

  it('accepts a valid RS256 token from the configured issuer', async () => {
    expect(await status(await signToken())).toEqual({ status: 200, code: undefined });
  });

  it('refuses wrong issuer, wrong audience, expired and garbage tokens', async () => {
    expect((await status(await signToken({}, { issuer: 'https://evil.example/' }))).status).toBe(401);
    expect((await status(await signToken({}, { audience: 'other-app' }))).status).toBe(401);
    expect((await status(await signToken({}, { expiresIn: '-5m' }))).status).toBe(401);
    expect((await status('not.a.jwt')).status).toBe(401);
  });

  it('refuses a token signed by a key the IdP does not publish', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setSubject('mallory')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await status(forged)).status).toBe(401);
  });

  it('refuses HS256 even when signed with the public key material (algorithm confusion)', async () => {
    const { publicKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = await exportJWK(publicKey);
    const secret = new TextEncoder().encode(JSON.stringify(jwk));
    const confused = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: 'test-key' })
      .setSubject('mallory')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(secret);
    expect((await status(confused)).status).toBe(401);
  });

  it('accepts the dev token only in development', async () => {
    expect((await status(DEV_TOKEN)).status).toBe(200);
    expect(await status(DEV_TOKEN, await testEnv({ ENVIRONMENT: 'production' }))).toEqual({
      status: 401,
      code: 'unauthorized',
    });
    expect((await status('wrong-dev-token')).status).toBe(401);
  });

  it('puts identity with groups from a configurable claim on the context', async () => {
    const { verifyToken } = await import('./auth');
    const { readConfig } = await import('../config');
    const config = readConfig(await testEnv({ AUTH_GROUPS_CLAIM: 'roles' }));
    const token = await signToken({ sub: 'ana', roles: ['support-team', 'admins'], email: 'ana@example.com' });
    expect(await verifyToken(token, config)).toEqual({
      subject: 'ana',
      email: 'ana@example.com',
      groups: ['support-team', 'admins'],
      isDevToken: false,
    });
  });
});
