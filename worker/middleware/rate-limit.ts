import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';
import { ApiError } from '../http/api-error';

/** Seconds a refused caller should wait: the binding's period (wrangler.toml `simple.period`). */
const RETRY_AFTER_SECONDS = 60;

/**
 * Per-person limit on the routes that spend model and search capacity, using Cloudflare's rate-limit binding
 * (wrangler.toml [[ratelimits]]; it works locally under wrangler dev too). Keyed by the verified subject, so it
 * runs after auth. The development dev token is exempt: benchmarks drive hundreds of chats through it.
 * Without the binding (a deploy that removed it) requests pass: the limit is protection, not correctness.
 */
export function rateLimit() {
  return createMiddleware<AppEnv>(async function limitPerPerson(c, next) {
    const identity = c.get('identity');
    const limiter = c.env.RATE_LIMITER;
    if (limiter && identity && !identity.isDevToken) {
      const { success } = await limiter.limit({ key: identity.subject });
      if (!success) {
        throw new ApiError({
          status: 429,
          code: 'rate_limited',
          title: 'Too many requests',
          detail: `You have sent a lot of requests in a short time. Wait about a minute and try again.`,
          retryable: true,
          headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
        });
      }
    }
    await next();
  });
}
