import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { chatLimits } from '../shared/chat';
import type { AppEnv } from './context';
import { answerObservation } from './http/answer-observers';
import { ApiError } from './http/api-error';
import { problemResponse, toApiError } from './http/problem';
import { adminApiKey } from './middleware/admin';
import { authenticate } from './middleware/auth';
import { extensionCors } from './middleware/cors';
import { requireFeature } from './middleware/features';
import { rateLimit } from './middleware/rate-limit';
import { requestLog } from './middleware/request-log';
import { requireUsableSettings } from './middleware/settings-check';
import { auditAdminSignIn } from './oversight/admin-sign-in';
import { dailyTokenQuota } from './oversight/quota';
import { recordSettingsOnce } from './oversight/settings-seen';
import { trackUsage } from './oversight/track-usage';
import { actionRoutes } from './routes/actions';
import { adminRoutes } from './routes/admin';
import { assistantRoutes } from './routes/assistants';
import { auditRoutes } from './routes/audit';
import { chatRoutes } from './routes/chat';
import { configRoutes } from './routes/config';
import { conversationRoutes } from './routes/conversations';
import { demoRoutes } from './routes/demo';
import { documentRoutes } from './routes/documents';
import { feedbackRoutes } from './routes/feedback';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { personalDataRoutes } from './routes/personal-data';
import { searchRoutes } from './routes/search';

/**
 * The worker's routes. Order matters: CORS answers preflights before auth; everything under /v1 except
 * health and config needs usable settings and a verified identity; bodies are size-limited before anything parses them; the routes that
 * spend model capacity are rate-limited per person after auth.
 */
export function createApp() {
  const app = new Hono<AppEnv>();

  // Streamed answers are observed as they pass (the request log, usage and the conversation register their readers).
  app.use('*', answerObservation());
  app.use('*', requestLog());
  app.use('*', extensionCors());
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: chatLimits.maxBodyBytes,
      onError: () => {
        throw new ApiError({
          status: 413,
          code: 'payload_too_large',
          title: 'Request too large',
          detail: `The request is larger than ${chatLimits.maxBodyBytes / 1_000_000} MB. Share less of the page and try again.`,
        });
      },
    }),
  );

  // The first request of an instance (whatever it is) records the settings it runs with in the audit log.
  app.use('/v1/*', recordSettingsOnce());
  app.route('/v1/health', healthRoutes);
  // First-run demo pages (DEMO_PAGES=true in development only; 404 otherwise).
  app.route('/demo', demoRoutes);
  // Past health, nothing runs on settings it cannot use: 503 server_misconfigured names them.
  app.use('/v1/*', requireUsableSettings());
  app.route('/v1/config', configRoutes);
  // The admin API key is accepted on the document routes only, ahead of the sign-in check.
  app.use('/v1/documents', adminApiKey());
  app.use('/v1/documents/*', adminApiKey());
  app.use('/v1/*', authenticate());
  app.use('/v1/actions/*', requireFeature('actions'));
  // A usage event for every chat and action request, refused ones included, so it runs before the limits.
  for (const path of ['/v1/chat', '/v1/actions/*']) app.use(path, trackUsage());
  for (const path of ['/v1/chat', '/v1/actions/*', '/v1/search', '/v1/feedback']) app.use(path, rateLimit());
  for (const path of ['/v1/chat', '/v1/actions/*']) app.use(path, dailyTokenQuota());
  app.route('/v1/me/data', personalDataRoutes);
  app.route('/v1/me', meRoutes);
  app.route('/v1/conversations', conversationRoutes);
  app.route('/v1/chat', chatRoutes);
  app.route('/v1/search', searchRoutes);
  app.route('/v1/documents', documentRoutes);
  app.route('/v1/actions', actionRoutes);
  app.route('/v1/feedback', feedbackRoutes);
  app.use('/v1/admin/session', auditAdminSignIn());
  app.route('/v1/admin/audit', auditRoutes);
  app.route('/v1/admin', adminRoutes);
  app.route('/v1/assistants', assistantRoutes);

  app.notFound((c) =>
    problemResponse(
      new ApiError({
        status: 404,
        code: 'not_found',
        title: 'Not found',
        detail: `No route for ${c.req.method} ${c.req.path}.`,
      }),
    ),
  );

  app.onError((error, c) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500) console.error(JSON.stringify({ requestId: c.get('requestId'), error: String(error) }));
    return problemResponse(apiError, c.req.path);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
