import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';

/**
 * One structured line per request. Deliberately logs no headers, bodies or tokens: page text and
 * secrets must never reach the logs.
 */
export function requestLog() {
  return createMiddleware<AppEnv>(async function logRequest(c, next) {
    const requestId = c.req.header('cf-ray') ?? crypto.randomUUID();
    c.set('requestId', requestId);
    const start = Date.now();
    await next();
    c.header('X-Request-Id', requestId);
    console.log(
      JSON.stringify({
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Date.now() - start,
        subject: c.get('identity')?.subject,
      }),
    );
  });
}
