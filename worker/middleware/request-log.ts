import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';
import { answerWasObserved, observeAnswer } from '../http/answer-observers';

/**
 * One structured line per request. Deliberately logs no headers, bodies or tokens: page text and
 * secrets must never reach the logs.
 *
 * A streamed answer is logged when it ends, with how long it streamed and how it ended: writing the line is not
 * free (wrangler dev forwards every console line to its terminal), and before the first token it would be paid for
 * by the person waiting. Every other response is logged as it leaves.
 */
export function requestLog() {
  return createMiddleware<AppEnv>(async function logRequest(c, next) {
    const requestId = c.req.header('cf-ray') ?? crypto.randomUUID();
    c.set('requestId', requestId);
    const start = Date.now();
    let responded = start;
    const log = (stream?: { streamedMs: number; ended: 'complete' | 'reader-gone' | 'failed' }) =>
      console.log(
        JSON.stringify({
          requestId,
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: responded - start,
          ...stream,
          subject: c.get('identity')?.subject,
        }),
      );
    observeAnswer({
      onChunk() {},
      onEnd: () => log({ streamedMs: Date.now() - start, ended: 'complete' }),
      onCancel: (cause) => log({ streamedMs: Date.now() - start, ended: cause }),
    });
    await next();
    responded = Date.now();
    c.header('X-Request-Id', requestId);
    if (!answerWasObserved()) log();
  });
}
