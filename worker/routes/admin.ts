import { Hono } from 'hono';
import { type AdminSession, AdminWindowQuery, FeedbackListQuery, UsageExportQuery } from '../../shared/admin';
import { assistantsReport } from '../admin/assistants';
import { feedbackList } from '../admin/feedback-list';
import { knowledgeReport } from '../admin/knowledge';
import { overviewReport } from '../admin/overview';
import { usageCsvStream } from '../admin/usage-export';
import { reportWindow, todayUtc } from '../admin/window';
import { readConfig } from '../config';
import type { AppEnv, Identity } from '../context';
import { ApiError } from '../http/api-error';
import { embedderFor } from '../knowledge/embed';
import { requireConsoleAdmin } from '../middleware/console-admin';
import { queryParams } from '../middleware/validate';

function sessionOf(identity: Identity): AdminSession {
  return {
    subject: identity.subject,
    ...(identity.name ? { name: identity.name } : {}),
    ...(identity.email ? { email: identity.email } : {}),
    today: todayUtc(),
  };
}

/** Read-only reports for the admin console (`/admin/`). Administrators only; never cached by anyone. */
export const adminRoutes = new Hono<AppEnv>()
  .use('*', requireConsoleAdmin())
  .use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'private, no-store');
  })
  .get('/session', (c) => c.json(sessionOf(c.get('identity'))))
  // The console announces a sign-in it has just completed (worker/oversight/admin-sign-in.ts audits it).
  .post('/session', (c) => c.json(sessionOf(c.get('identity'))))
  .get('/overview', queryParams(AdminWindowQuery), async (c) => {
    const query = c.req.valid('query');
    return c.json(await overviewReport(c.env.DB, reportWindow(query), query.group));
  })
  .get('/assistants', queryParams(AdminWindowQuery), async (c) => {
    return c.json(await assistantsReport(c.env.DB, reportWindow(c.req.valid('query'))));
  })
  .get('/knowledge', queryParams(AdminWindowQuery), async (c) => {
    const embedder = embedderFor(readConfig(c.env));
    return c.json(await knowledgeReport(c.env.DB, reportWindow(c.req.valid('query')), embedder));
  })
  .get('/feedback', queryParams(FeedbackListQuery), async (c) => {
    return c.json(await feedbackList(c.env.DB, c.req.valid('query')));
  })
  .get('/usage.csv', queryParams(UsageExportQuery), (c) => {
    const { from, to } = c.req.valid('query');
    if (from > to) {
      throw new ApiError({
        status: 400,
        code: 'invalid_request',
        title: 'Invalid query',
        detail: '`from` must not be after `to`.',
        issues: [{ path: 'from', message: 'After `to`.' }],
      });
    }
    return new Response(usageCsvStream(c.env.DB, from, to), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="beside-usage-${from}-to-${to}.csv"`,
        // workerd would gzip text and hold the stream until the end (PLATFORM.md): stream it as is.
        'Content-Encoding': 'identity',
        'Cache-Control': 'private, no-store',
      },
    });
  });
