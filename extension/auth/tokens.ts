/**
 * The tokens a sign-in yields and when to renew them. Pure functions: the clock is passed in, so expiry is tested
 * without waiting.
 */

/** Which token the worker expects in `Authorization: Bearer` (`AUTH_TOKEN_TYPE`, served in /v1/config). */
export type TokenType = 'access' | 'id';

export interface SessionTokens {
  accessToken: string;
  /** Epoch ms when the access token stops being accepted. */
  accessExpiresAt: number;
  idToken?: string;
  /** Epoch ms from the ID token's `exp`. */
  idExpiresAt?: number;
  /** When the tokens were issued (epoch ms): renewal is planned as a share of their lifetime. */
  issuedAt: number;
}

/** What the token endpoint answered, reduced to what Beside keeps (oauth4webapi has already validated it). */
export interface TokenEndpointResult {
  access_token: string;
  expires_in?: number;
  id_token?: string;
  refresh_token?: string;
}

/** Providers that omit `expires_in` get this lifetime assumed, short enough that a wrong guess heals fast. */
export const ASSUMED_LIFETIME_MS = 5 * 60_000;
/** Renew this long before expiry at most: a question in flight must not carry a token that dies on the way. */
export const RENEWAL_MARGIN_MS = 60_000;

/** A JWT's claims, decoded without verifying: only for scheduling and display, never for a decision on access. */
export function unverifiedClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === 'object' && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The `exp` of a JWT in epoch ms (the worker verifies the token; this only schedules renewal). */
export function jwtExpiry(token: string): number | undefined {
  const exp = unverifiedClaims(token)?.exp;
  return typeof exp === 'number' ? exp * 1000 : undefined;
}

export function sessionTokensFrom(result: TokenEndpointResult, now: number, previous?: SessionTokens): SessionTokens {
  const lifetime = result.expires_in !== undefined ? result.expires_in * 1000 : ASSUMED_LIFETIME_MS;
  // A refresh response may omit the ID token; the one from sign-in then stays the person's identity.
  const idToken = result.id_token ?? previous?.idToken;
  const idExpiresAt = result.id_token ? jwtExpiry(result.id_token) : previous?.idExpiresAt;
  return {
    accessToken: result.access_token,
    accessExpiresAt: now + lifetime,
    ...(idToken ? { idToken } : {}),
    ...(idExpiresAt !== undefined ? { idExpiresAt } : {}),
    issuedAt: now,
  };
}

/** The token to send and until when it is good, for the token type the worker expects. */
export function bearerOf(tokens: SessionTokens, type: TokenType): { token: string; expiresAt: number } | undefined {
  if (type === 'id') {
    if (!tokens.idToken) return undefined;
    return { token: tokens.idToken, expiresAt: tokens.idExpiresAt ?? tokens.accessExpiresAt };
  }
  return { token: tokens.accessToken, expiresAt: tokens.accessExpiresAt };
}

/**
 * Whether to renew before sending: inside the last minute, or the last fifth of a short lifetime, whichever comes
 * first — a 60 s token is renewed after 48 s, a one-hour token after 59 minutes.
 */
export function needsRenewal(tokens: SessionTokens, type: TokenType, now: number): boolean {
  const bearer = bearerOf(tokens, type);
  if (!bearer) return true;
  const lifetime = Math.max(0, bearer.expiresAt - tokens.issuedAt);
  const margin = Math.min(RENEWAL_MARGIN_MS, lifetime / 5);
  return now >= bearer.expiresAt - margin;
}
