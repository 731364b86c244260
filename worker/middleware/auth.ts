import { createMiddleware } from 'hono/factory';
import { createLocalJWKSet, createRemoteJWKSet, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { type Config, readConfig } from '../config';
import type { AppEnv, Identity } from '../context';
import { unauthorized } from '../http/api-error';

/** Only asymmetric algorithms: a shared-secret HS256 token signed with a public key must never verify. */
const ALLOWED_ALGORITHMS = ['RS256', 'ES256'];

// Remote key sets cache keys and rate-limit refetches; keep one per URL for the isolate's lifetime.
const remoteKeySets = new Map<string, JWTVerifyGetKey>();
const localKeySets = new Map<string, JWTVerifyGetKey>();

function keySetFor(auth: Config['auth']): JWTVerifyGetKey | undefined {
  if (auth.jwks) {
    let keySet = localKeySets.get(auth.jwks);
    if (!keySet) {
      keySet = createLocalJWKSet(JSON.parse(auth.jwks));
      localKeySets.set(auth.jwks, keySet);
    }
    return keySet;
  }
  if (auth.jwksUrl) {
    let keySet = remoteKeySets.get(auth.jwksUrl);
    if (!keySet) {
      keySet = createRemoteJWKSet(new URL(auth.jwksUrl), { timeoutDuration: 5_000 });
      remoteKeySets.set(auth.jwksUrl, keySet);
    }
    return keySet;
  }
  return undefined;
}

/** Constant-time comparison so the dev token cannot be guessed byte by byte from response times. */
function sameSecret(a: string, b: string): boolean {
  const encoder = new TextEncoder();
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  let difference = left.length ^ right.length;
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    difference |= (left[index % left.length] ?? 0) ^ (right[index % right.length] ?? 0);
  }
  return difference === 0;
}

function groupsFrom(payload: JWTPayload, claim: string): string[] {
  const value = payload[claim];
  if (Array.isArray(value)) return value.filter((group): group is string => typeof group === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

export async function verifyToken(token: string, config: Config): Promise<Identity> {
  const { auth } = config;
  // The dev token is a development convenience only: in any other environment it is refused even if set.
  if (config.isDevelopment && auth.devToken && sameSecret(token, auth.devToken)) {
    return { subject: 'dev', email: 'dev@localhost', groups: [], isDevToken: true };
  }
  const keySet = keySetFor(auth);
  if (!keySet) throw unauthorized('This deployment has no identity provider configured (AUTH_JWKS_URL or AUTH_JWKS).');
  if (!auth.issuer || !auth.audience) {
    throw unauthorized('This deployment must set AUTH_ISSUER and AUTH_AUDIENCE to accept sign-in tokens.');
  }
  try {
    const { payload } = await jwtVerify(token, keySet, {
      algorithms: ALLOWED_ALGORITHMS,
      issuer: auth.issuer,
      audience: auth.audience,
      requiredClaims: ['sub', 'exp'],
      clockTolerance: 30,
    });
    return {
      subject: payload.sub as string,
      email: typeof payload.email === 'string' ? payload.email : undefined,
      groups: groupsFrom(payload, auth.groupsClaim),
      isDevToken: false,
    };
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'invalid';
    throw unauthorized(
      reason === 'ERR_JWT_EXPIRED' ? 'Your sign-in has expired. Sign in again.' : 'Your sign-in token is not valid.',
    );
  }
}

/** Requires `Authorization: Bearer <token>` and puts the caller's identity on the context. */
export function authenticate() {
  return createMiddleware<AppEnv>(async function authenticateRequest(c, next) {
    // Already authenticated by a route-specific scheme mounted before this (the admin API key, middleware/admin.ts).
    if (c.get('identity')) return next();
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthorized('Sign in to Beside: this request carried no token.');
    c.set('identity', await verifyToken(match[1], readConfig(c.env)));
    await next();
  });
}
