import { createMiddleware } from 'hono/factory';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { forbidden } from '../http/api-error';
import { isAdmin } from '../knowledge/spaces';

/**
 * The admin console's APIs: people in ADMIN_GROUPS (and the dev token in development) only. The admin API key
 * does not open them: it exists for the ingest CLI, and usage data is not the CLI's business.
 */
export function requireConsoleAdmin() {
  return createMiddleware<AppEnv>(async function requireConsoleAdministrator(c, next) {
    if (!isAdmin(c.get('identity'), readConfig(c.env))) {
      throw forbidden('The admin console is for administrators (ADMIN_GROUPS).');
    }
    await next();
  });
}
