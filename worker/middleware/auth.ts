import { createMiddleware } from 'hono/factory';
import { type JWTPayload, type JWTVerifyGetKey, errors as joseErrors, jwtVerify } from 'jose';
import { localKeySet, remoteKeySet } from '../auth/key-sets';
import { type Config, readConfig } from '../config';
import type { AppEnv, Identity } from '../context';
import { ApiError, serverMisconfigured, unauthorized } from '../http/api-error';

/** Only asymmetric algorithms: a shared-secret HS256 token signed with a public key must never verify. */
const ALLOWED_ALGORITHMS = ['RS256', 'ES256'];

/**
 * One message for every refusal: a caller without a valid token learns nothing about how sign-in is set up
 * (no setting names, no issuer). The reason goes to the worker's log for administrators.
 */
export const SIGN_IN_REQUIRED = 'Sign in to Beside to continue.';

/** The header Cloudflare Access adds to every request it let through (AUTH_MODE=cloudflare-access). */
export const CF_ACCESS_HEADER = 'Cf-Access-Jwt-Assertion';

function refused(reason: string, tokenPresented: boolean): ApiError {
  console.warn(JSON.stringify({ event: 'auth_refused', reason }));
  const error = unauthorized(SIGN_IN_REQUIRED);
  // RFC 6750: "invalid_token" tells the client to renew or sign in again; a request without a token gets no error.
  if (tokenPresented) error.headers['WWW-Authenticate'] = 'Bearer realm="beside", error="invalid_token"';
  return error;
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
  // Cloudflare Access puts claims passed through from the identity provider under `custom`.
  const custom = payload.custom as Record<string, unknown> | undefined;
  const value = payload[claim] ?? custom?.[claim];
  if (Array.isArray(value)) return value.filter((group): group is string => typeof group === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

function stringClaim(payload: JWTPayload, claim: string): string | undefined {
  const value = payload[claim];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function nameFrom(payload: JWTPayload): string | undefined {
  const full = stringClaim(payload, 'name');
  if (full) return full;
  const parts = [stringClaim(payload, 'given_name'), stringClaim(payload, 'family_name')].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : stringClaim(payload, 'preferred_username');
}

/** Failures of the key endpoint (timeout, non-200, not a key set), as opposed to the token's own faults. */
const KEY_ENDPOINT_FAILURES = new Set(['ERR_JWKS_TIMEOUT', 'ERR_JOSE_GENERIC', 'ERR_JWKS_INVALID']);

/**
 * The identity provider's key endpoint could not be used: not the caller's fault, so not a 401 (which would send
 * the extension to sign in again). jose reports every fault of the token itself as a JOSEError; anything else
 * thrown while verifying is the network.
 */
function keysUnavailable(error: unknown): boolean {
  if (error instanceof joseErrors.JOSEError) return KEY_ENDPOINT_FAILURES.has(error.code);
  return true;
}

async function verifyJwt(
  token: string,
  keySet: JWTVerifyGetKey,
  expected: { issuer: string; audience: string; groupsClaim: string },
): Promise<Identity> {
  try {
    const { payload } = await jwtVerify(token, keySet, {
      algorithms: ALLOWED_ALGORITHMS,
      issuer: expected.issuer,
      audience: expected.audience,
      requiredClaims: ['sub', 'exp'],
      clockTolerance: 30,
    });
    return {
      subject: payload.sub as string,
      name: nameFrom(payload),
      email: stringClaim(payload, 'email'),
      groups: groupsFrom(payload, expected.groupsClaim),
      isDevToken: false,
    };
  } catch (error) {
    if (keysUnavailable(error)) {
      console.error(JSON.stringify({ event: 'auth_keys_unavailable', error: String(error) }));
      throw new ApiError({
        status: 503,
        code: 'upstream_error',
        title: 'Sign-in check unavailable',
        detail: 'Beside could not check your sign-in just now. Try again in a moment.',
        retryable: true,
        cause: error,
      });
    }
    throw refused(error instanceof joseErrors.JOSEError ? error.code : 'invalid', true);
  }
}

function devIdentity(token: string, config: Config): Identity | undefined {
  // The dev token is a development convenience only: in any other environment it is refused even if set.
  const { devToken } = config.auth;
  if (config.isDevelopment && devToken && sameSecret(token, devToken)) {
    return { subject: 'dev', name: 'Developer', email: 'dev@localhost', groups: [], isDevToken: true };
  }
  return undefined;
}

/** Verifies `Authorization: Bearer <token>` (AUTH_MODE=oidc): the identity provider's access or ID token. */
export async function verifyToken(token: string, config: Config): Promise<Identity> {
  const dev = devIdentity(token, config);
  if (dev) return dev;
  if (config.problems.length > 0) throw serverMisconfigured(config.problems);
  const { auth } = config;
  if (auth.mode !== 'oidc') throw refused('bearer_token_in_cloudflare_access_mode', true);
  const keySet = auth.jwks ? localKeySet(auth.jwks) : auth.jwksUrl ? remoteKeySet(auth.jwksUrl) : undefined;
  if (!keySet || !auth.issuer || !auth.audience) throw refused('no_identity_provider_configured', true);
  return verifyJwt(token, keySet, { issuer: auth.issuer, audience: auth.audience, groupsClaim: auth.groupsClaim });
}

/** Verifies the assertion Cloudflare Access signed with the team's keys (AUTH_MODE=cloudflare-access). */
export async function verifyCloudflareAccess(assertion: string, config: Config): Promise<Identity> {
  if (config.problems.length > 0) throw serverMisconfigured(config.problems);
  const access = config.auth.cloudflareAccess;
  if (config.auth.mode !== 'cloudflare-access' || !access) throw refused('cloudflare_access_not_configured', true);
  return verifyJwt(assertion, remoteKeySet(access.certsUrl), {
    issuer: access.issuer,
    audience: access.audience,
    groupsClaim: config.auth.groupsClaim,
  });
}

const bearer = (header: string | undefined) => /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];

/** Who is calling, from the request's credentials (as `authenticate()` reads them). */
export async function identify(request: { header(name: string): string | undefined }, config: Config) {
  const token = bearer(request.header('Authorization'));
  if (config.auth.mode === 'cloudflare-access') {
    // The dev token keeps working in development, where no Access edge sits in front of the worker.
    const dev = token ? devIdentity(token, config) : undefined;
    if (dev) return dev;
    const assertion = request.header(CF_ACCESS_HEADER);
    if (!assertion) throw refused('no_cloudflare_access_assertion', false);
    return verifyCloudflareAccess(assertion, config);
  }
  if (!token) throw refused('no_token', false);
  return verifyToken(token, config);
}

/** Requires a verified identity and puts it on the context. */
export function authenticate() {
  return createMiddleware<AppEnv>(async function authenticateRequest(c, next) {
    // Already authenticated by a route-specific scheme mounted before this (the admin API key, middleware/admin.ts).
    if (c.get('identity')) return next();
    c.set('identity', await identify(c.req, readConfig(c.env)));
    await next();
  });
}
