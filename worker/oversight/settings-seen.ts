import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';
import type { Env } from '../env';
import { audit } from './audit';
import { afterResponse } from './defer';

/** Settings recorded with their value: none of them is a secret. Anything not listed here is never recorded. */
const PLAIN_SETTINGS = [
  'ENVIRONMENT',
  'VERSION',
  'OPENAI_BASE_URL',
  'CHAT_MODEL',
  'EMBEDDING_MODEL',
  'MODEL_TIMEOUT_MS',
  'MODELS',
  'MODEL_FIRST_TOKEN_TIMEOUT_MS',
  'PAGE_TOKEN_BUDGET',
  'HISTORY_TOKEN_BUDGET',
  'AUTH_MODE',
  'AUTH_JWKS_URL',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'AUTH_CLIENT_ID',
  'AUTH_SCOPES',
  'AUTH_TOKEN_TYPE',
  'AUTH_GROUPS_CLAIM',
  'CF_ACCESS_TEAM_DOMAIN',
  'CF_ACCESS_AUD',
  'CAPTURE_BLOCKLIST',
  'DISABLED_FEATURES',
  'ALLOWED_ORIGINS',
  'SPACES',
  'CUSTOMER_SAFE_SPACES',
  'ADMIN_GROUPS',
  'EMBEDDING_DIMENSIONS',
  'EMBEDDINGS',
  'REDACT',
  'REDACT_PATTERNS',
  'HANDOFF_THRESHOLD',
  'PAYLOAD_LOGGING',
  'DAILY_TOKEN_QUOTA',
] as const satisfies readonly (keyof Env)[];

/** Settings recorded only as "set": secrets, and settings whose value may carry one (inline keys, MCP headers). */
const SECRET_SETTINGS = [
  'OPENAI_API_KEY',
  'DEV_TOKEN',
  'ADMIN_API_KEY',
  'USAGE_PSEUDONYM_KEY',
  'AUTH_JWKS',
  'MCP_SERVERS',
] as const satisfies readonly (keyof Env)[];

/** Credentials written into a URL (`https://user:pass@host`) are not part of what is recorded. */
const withoutUserInfo = (value: string) => value.replace(/\/\/[^/@\s"]*@/g, '//');

/** The effective non-secret settings, and which secret ones are set (never their values). */
export function settingsSnapshot(env: Env): { settings: Record<string, string>; secretsSet: string[] } {
  const settings: Record<string, string> = {};
  for (const name of PLAIN_SETTINGS) {
    const value = env[name]?.trim();
    if (value) settings[name] = withoutUserInfo(value).slice(0, 2_000);
  }
  const secretsSet = SECRET_SETTINGS.filter((name) => Boolean(env[name]?.trim()));
  return { settings, secretsSet };
}

const seen = new WeakSet<Env>();

/**
 * The first request a worker instance serves records the settings it runs with (audit `settings.seen`), so a change
 * of configuration is visible in the audit log from the first request after it. The bindings object is the same
 * for every request of an instance, hence "first request" = the first time this object is seen.
 */
export function recordSettingsOnce() {
  return createMiddleware<AppEnv>(async function recordSettingsSeen(c, next) {
    if (!seen.has(c.env)) {
      seen.add(c.env);
      const snapshot = settingsSnapshot(c.env);
      afterResponse(c, 'settings_seen', () =>
        audit(c.env, { actor: 'system', action: 'settings.seen', details: snapshot, requestId: c.get('requestId') }),
      );
    }
    await next();
  });
}
