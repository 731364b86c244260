import { describe, expect, it } from 'vitest';
import { ASSUMED_LIFETIME_MS, bearerOf, jwtExpiry, needsRenewal, sessionTokensFrom, unverifiedClaims } from './tokens';

const jwt = (claims: Record<string, unknown>) =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('session tokens', () => {
  const now = 1_800_000_000_000;

  it('dates the access token from expires_in, and assumes a short lifetime when it is missing', () => {
    expect(sessionTokensFrom({ access_token: 'a', expires_in: 3600 }, now).accessExpiresAt).toBe(now + 3_600_000);
    expect(sessionTokensFrom({ access_token: 'a' }, now).accessExpiresAt).toBe(now + ASSUMED_LIFETIME_MS);
  });

  it('reads the ID token expiry from its exp claim', () => {
    const idToken = jwt({ sub: 'rep', exp: now / 1000 + 600, name: 'Zoë ✓' });
    expect(jwtExpiry(idToken)).toBe(now + 600_000);
    expect(jwtExpiry('not-a-jwt')).toBeUndefined();
    expect(jwtExpiry('a.!!!.c')).toBeUndefined();
    expect(unverifiedClaims(idToken)?.name).toBe('Zoë ✓');
    const tokens = sessionTokensFrom({ access_token: 'a', expires_in: 60, id_token: idToken }, now);
    expect(bearerOf(tokens, 'id')).toEqual({ token: idToken, expiresAt: now + 600_000 });
    expect(bearerOf(tokens, 'access')).toEqual({ token: 'a', expiresAt: now + 60_000 });
  });

  it('keeps the sign-in ID token when a refresh answers without one', () => {
    const idToken = jwt({ exp: now / 1000 + 600 });
    const first = sessionTokensFrom({ access_token: 'a', expires_in: 60, id_token: idToken }, now);
    const renewed = sessionTokensFrom({ access_token: 'b', expires_in: 60 }, now + 50_000, first);
    expect(renewed.idToken).toBe(idToken);
    expect(renewed.accessToken).toBe('b');
    expect(renewed.issuedAt).toBe(now + 50_000);
  });

  it('renews in the last minute of a long token and the last fifth of a short one', () => {
    const hour = sessionTokensFrom({ access_token: 'a', expires_in: 3600 }, now);
    expect(needsRenewal(hour, 'access', now + 3_539_000)).toBe(false);
    expect(needsRenewal(hour, 'access', now + 3_540_000)).toBe(true);
    const short = sessionTokensFrom({ access_token: 'a', expires_in: 60 }, now);
    expect(needsRenewal(short, 'access', now + 47_000)).toBe(false);
    expect(needsRenewal(short, 'access', now + 48_000)).toBe(true);
    expect(needsRenewal(short, 'access', now + 120_000)).toBe(true);
  });

  it('asks for renewal when the worker wants an ID token and there is none', () => {
    const tokens = sessionTokensFrom({ access_token: 'a', expires_in: 3600 }, now);
    expect(bearerOf(tokens, 'id')).toBeUndefined();
    expect(needsRenewal(tokens, 'id', now)).toBe(true);
  });
});
