import type { Context } from 'hono';

/**
 * Runs `work` after the response without holding it up: `waitUntil` on Cloudflare (the isolate stays alive
 * for it); where a request has no execution context (in-process calls), it still runs, unawaited. A failure is
 * logged, never thrown: oversight must not break an answer.
 */
export function afterResponse(c: Context, what: string, work: () => Promise<unknown>): void {
  const running = work().catch((error: unknown) =>
    console.error(JSON.stringify({ event: 'oversight_write_failed', what, error: String(error).slice(0, 500) })),
  );
  try {
    c.executionCtx.waitUntil(running);
  } catch {
    // No ExecutionContext (app.request without one): the promise above already runs.
  }
}
