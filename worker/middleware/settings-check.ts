import { createMiddleware } from 'hono/factory';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { serverMisconfigured } from '../http/api-error';

/**
 * While a setting cannot be used (invalid AUTH_JWKS, SPACES…), every route answers 503 server_misconfigured
 * naming it, instead of failing later with a 500 or, worse, running with half its configuration.
 */
export function requireUsableSettings() {
  return createMiddleware<AppEnv>(async function checkSettings(c, next) {
    const { problems } = readConfig(c.env);
    if (problems.length > 0) throw serverMisconfigured(problems);
    await next();
  });
}
