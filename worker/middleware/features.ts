import { createMiddleware } from 'hono/factory';
import type { FeatureName } from '../../shared/config';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { ApiError } from '../http/api-error';

/** Refuses a route whose feature IT turned off (DISABLED_FEATURES), so the switch holds even for other clients. */
export function requireFeature(feature: FeatureName) {
  return createMiddleware<AppEnv>(async function checkFeature(c, next) {
    if (readConfig(c.env).policy.disabledFeatures.has(feature)) {
      throw new ApiError({
        status: 403,
        code: 'feature_disabled',
        title: 'Turned off by your organisation',
        detail: `Your organisation has turned off ${feature} in Beside.`,
      });
    }
    await next();
  });
}
