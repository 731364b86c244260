import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';
import { actorOf, audit } from './audit';
import { afterResponse } from './defer';

/** One console session: reloads and token renewals within it are not new sign-ins. */
const SESSION_HOURS = 8;

/**
 * Records `admin.sign_in` when an administrator opens the admin console (its first call, `GET /v1/admin/session`,
 * succeeds), at most once per person per SESSION_HOURS.
 */
export function auditAdminSignIn() {
  return createMiddleware<AppEnv>(async function recordAdminSignIn(c, next) {
    await next();
    if (c.req.method !== 'GET' || c.res.status !== 200) return;
    const actor = actorOf(c.get('identity'));
    afterResponse(c, 'admin_sign_in', async () => {
      const since = new Date(Date.now() - SESSION_HOURS * 3_600_000).toISOString();
      const recent = await c.env.DB.prepare(
        `SELECT 1 AS found FROM audit_log WHERE actor = ? AND action = 'admin.sign_in' AND at >= ? LIMIT 1`,
      )
        .bind(actor, since)
        .first();
      if (!recent) {
        await audit(c.env, {
          actor,
          action: 'admin.sign_in',
          target: 'admin-console',
          details: { userAgent: c.req.header('User-Agent')?.slice(0, 300) ?? null },
          requestId: c.get('requestId'),
        });
      }
    });
  });
}
