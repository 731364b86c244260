import { createMiddleware } from 'hono/factory';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { ApiError } from '../http/api-error';
import { personOf } from './person';
import { dayOf, tokensUsedOn } from './usage-store';

/** The next UTC midnight after `now`: when a daily quota starts again. */
export function nextUtcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

/**
 * DAILY_TOKEN_QUOTA: a person who used their tokens (in + out, chat and actions) for the UTC day is refused
 * with 429 quota_exceeded, Retry-After and the moment the quota resets. Counted from stored usage events, so a
 * request running while the limit is crossed finishes (the quota is a budget, not a hard cut mid-answer).
 * Costs nothing when no quota is set.
 */
export function dailyTokenQuota() {
  return createMiddleware<AppEnv>(async function enforceDailyTokenQuota(c, next) {
    const config = readConfig(c.env);
    const quota = config.oversight.dailyTokenQuota;
    if (quota !== undefined) {
      const now = new Date();
      const used = await tokensUsedOn(c.env.DB, await personOf(c.get('identity'), config), dayOf(now.toISOString()));
      if (used >= quota) {
        const resetsAt = nextUtcMidnight(now);
        throw new ApiError({
          status: 429,
          code: 'quota_exceeded',
          title: 'Daily quota used',
          detail: `You have used your ${quota.toLocaleString('en')} tokens for today. Your quota resets at ${resetsAt.toISOString()} (midnight UTC).`,
          retryable: true,
          headers: { 'Retry-After': String(Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000))) },
          extensions: { resetsAt: resetsAt.toISOString(), quota, used },
        });
      }
    }
    await next();
  });
}
