import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';
import { actorOf, audit } from './audit';
import { afterResponse } from './defer';

/** One console session: reloads and token renewals within it are not new sign-ins. */
const SESSION_HOURS = 8;

function recordSignIn(c: Context<AppEnv>, via: string | null) {
  return audit(c.env, {
    actor: actorOf(c.get('identity')),
    action: 'admin.sign_in',
    target: 'admin-console',
    details: { via, userAgent: c.req.header('User-Agent')?.slice(0, 300) ?? null },
    requestId: c.get('requestId'),
  });
}

/**
 * Records `admin.sign_in` for the admin console, once the administrator is known to be one (the session call
 * succeeded):
 * - `POST /v1/admin/session`: the console has just completed a sign-in (the identity provider's redirect, or a
 *   pasted token) — every such sign-in is an entry, also a second one within the hour.
 * - `GET /v1/admin/session`: the console opened with a token it already held (a reload, a new tab of the same
 *   session) — an entry only when the person has none in the last SESSION_HOURS, so a console used without ever
 *   announcing its sign-in is still on the record.
 */
export function auditAdminSignIn() {
  return createMiddleware<AppEnv>(async function recordAdminSignIn(c, next) {
    await next();
    if (c.res.status !== 200) return;
    if (c.req.method === 'POST') {
      const via = c.req.query('via');
      // Written before the answer: the console's next page (the audit log) shows it.
      await recordSignIn(c, via === 'identity-provider' || via === 'token' ? via : null);
      return;
    }
    if (c.req.method !== 'GET') return;
    const actor = actorOf(c.get('identity'));
    afterResponse(c, 'admin_sign_in', async () => {
      const since = new Date(Date.now() - SESSION_HOURS * 3_600_000).toISOString();
      const recent = await c.env.DB.prepare(
        `SELECT 1 AS found FROM audit_log WHERE actor = ? AND action = 'admin.sign_in' AND at >= ? LIMIT 1`,
      )
        .bind(actor, since)
        .first();
      if (!recent) await recordSignIn(c, null);
    });
  });
}
