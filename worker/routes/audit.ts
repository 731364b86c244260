import { Hono } from 'hono';
import { AuditQuery } from '../../shared/oversight';
import type { AppEnv } from '../context';
import { requireConsoleAdmin } from '../middleware/console-admin';
import { queryParams } from '../middleware/validate';
import { listAudit } from '../oversight/audit';

/**
 * `GET /v1/admin/audit`: the audit log, newest first, filterable by actor, action and time, paginated. Read only:
 * the log has no route that changes or removes an entry.
 */
export const auditRoutes = new Hono<AppEnv>()
  .use('*', requireConsoleAdmin())
  .get('/', queryParams(AuditQuery), async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await listAudit(c.env.DB, c.req.valid('query')));
  });
