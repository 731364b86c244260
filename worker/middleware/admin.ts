import { createMiddleware } from 'hono/factory';
import { type Config, readConfig } from '../config';
import type { AppEnv, Identity } from '../context';
import { forbidden } from '../http/api-error';
import { isAdmin } from '../knowledge/spaces';

/**
 * Identities created from ADMIN_API_KEY. Held by object identity, so no token content (a JWT whose `sub`
 * says "admin-api-key") can ever pose as one.
 */
const apiKeyIdentities = new WeakSet<Identity>();

/** Whether this identity came from ADMIN_API_KEY (the audit log names it so). */
export function isAdminApiKey(identity: Identity): boolean {
  return apiKeyIdentities.has(identity);
}

/** Constant-time comparison, so the key cannot be guessed byte by byte from response times. */
function sameSecret(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let difference = left.length ^ right.length;
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    difference |= (left[index % left.length] ?? 0) ^ (right[index % right.length] ?? 0);
  }
  return difference === 0;
}

/** Whether the Authorization header carries ADMIN_API_KEY (also accepted by /v1/health/details). */
export function acceptsAdminApiKey(authorization: string | undefined, config: Config): boolean {
  const key = config.knowledge.adminApiKey;
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  return Boolean(key && token && sameSecret(token, key));
}

/**
 * Accepts `Authorization: Bearer <ADMIN_API_KEY>` (for the CLI and CI) before `authenticate()` runs, which
 * then keeps this identity. Mounted only on the admin routes: the key opens nothing else.
 */
export function adminApiKey() {
  return createMiddleware<AppEnv>(async function acceptAdminApiKey(c, next) {
    if (acceptsAdminApiKey(c.req.header('Authorization'), readConfig(c.env))) {
      const identity: Identity = { subject: 'admin-api-key', email: undefined, groups: [], isDevToken: false };
      apiKeyIdentities.add(identity);
      c.set('identity', identity);
    }
    await next();
  });
}

/** Admin role (ADMIN_GROUPS, the dev token in development) or the admin API key. */
export function requireAdmin() {
  return createMiddleware<AppEnv>(async function requireAdminRole(c, next) {
    const identity = c.get('identity');
    if (!apiKeyIdentities.has(identity) && !isAdmin(identity, readConfig(c.env))) {
      throw forbidden('Managing knowledge documents needs an administrator (ADMIN_GROUPS) or the admin API key.');
    }
    await next();
  });
}
