import { type ErrorCode, parseStreamError } from '../../shared/errors';
import { t } from './i18n';

/** The stored server address would carry the token in clear text (see shared/server-url.ts); nothing was sent. */
export class InsecureServerError extends Error {
  override name = 'InsecureServerError';
}

export interface FriendlyError {
  code: ErrorCode | 'network' | 'insecure_server' | 'unknown';
  title: string;
  detail: string;
  /** What the person can do about it. */
  action: 'sign-in' | 'retry' | 'settings' | 'none';
}

/** Titles are functions: they are read in the browser's language when the error is shown. */
const byCode: Partial<Record<FriendlyError['code'], { title: () => string; action: FriendlyError['action'] }>> = {
  unauthorized: { title: () => t('errors.unauthorized'), action: 'sign-in' },
  forbidden: { title: () => t('errors.forbidden'), action: 'none' },
  model_not_configured: { title: () => t('errors.modelNotConfigured'), action: 'none' },
  upstream_timeout: { title: () => t('errors.upstreamTimeout'), action: 'retry' },
  upstream_rate_limited: { title: () => t('errors.upstreamRateLimited'), action: 'retry' },
  upstream_error: { title: () => t('errors.upstreamError'), action: 'retry' },
  rate_limited: { title: () => t('errors.rateLimited'), action: 'retry' },
  quota_exceeded: { title: () => t('errors.quotaExceeded'), action: 'none' },
  payload_too_large: { title: () => t('errors.payloadTooLarge'), action: 'none' },
  server_misconfigured: { title: () => t('errors.serverMisconfigured'), action: 'none' },
  feature_disabled: { title: () => t('errors.featureDisabled'), action: 'none' },
  network: { title: () => t('errors.network'), action: 'settings' },
  insecure_server: { title: () => t('errors.insecureServer'), action: 'settings' },
};

/**
 * Turns whatever failed (a problem+json body, an in-stream error, a network failure) into words a
 * salesperson understands, keeping the server's own explanation as the detail.
 */
export function friendlyError(error: Error | undefined, workerUrl?: string): FriendlyError | undefined {
  if (!error) return undefined;
  const raw = error.message ?? '';
  let code: FriendlyError['code'] = 'unknown';
  let detail = raw;
  try {
    const problem = JSON.parse(raw) as { code?: ErrorCode; detail?: string; title?: string };
    if (problem.code) {
      code = problem.code;
      detail = problem.detail ?? problem.title ?? '';
    }
  } catch {
    const parsed = parseStreamError(raw);
    if (parsed.code) {
      code = parsed.code;
      detail = parsed.message;
    } else if (error.name === 'InsecureServerError') {
      code = 'insecure_server';
    } else if (error.name === 'TypeError' || /failed to fetch|networkerror|load failed/i.test(raw)) {
      code = 'network';
      detail = workerUrl ? t('errors.serverAtDidNotRespond', { url: workerUrl }) : t('errors.serverDidNotRespond');
    }
  }
  if (error.name === 'SignInServiceUnavailable') {
    return { code: 'network', title: t('errors.signInServiceUnavailable'), detail: raw, action: 'retry' };
  }
  if (code === 'unauthorized' && !detail) detail = t('errors.signInToContinue');
  const known = byCode[code] ?? { title: () => t('errors.unknown'), action: 'retry' as const };
  return { code, detail: detail || t('errors.tryInAMoment'), title: known.title(), action: known.action };
}
