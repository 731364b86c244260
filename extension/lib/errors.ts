import { type ErrorCode, parseStreamError } from '../../shared/errors';
import { t } from './i18n';

/** The stored server address would carry the token in clear text (see shared/server-url.ts); nothing was sent. */
export class InsecureServerError extends Error {
  override name = 'InsecureServerError';
}

export interface FriendlyError {
  code: ErrorCode | 'network' | 'insecure_server' | 'unknown';
  title: string;
  /** In the person's language: the server's own detail is English and may name settings, so it is never shown. */
  detail: string;
  /** What else the person can do about it, beside trying again. */
  action: 'sign-in' | 'settings' | 'none';
  /** Asking again can help (the server says so, or the failure is passing): the notice offers "Try again". */
  retryable: boolean;
}

interface Words {
  title: () => string;
  detail: () => string;
  action: FriendlyError['action'];
  retryable: boolean;
}

/** Titles and details are functions: they are read in the browser's language when the error is shown. */
const byCode: Partial<Record<FriendlyError['code'], Words>> = {
  unauthorized: {
    title: () => t('errors.unauthorized'),
    detail: () => t('errors.signInToContinue'),
    action: 'sign-in',
    retryable: false,
  },
  forbidden: {
    title: () => t('errors.forbidden'),
    detail: () => t('errors.details.forbidden'),
    action: 'none',
    retryable: false,
  },
  model_not_configured: {
    title: () => t('errors.modelNotConfigured'),
    detail: () => t('errors.details.administrator'),
    action: 'none',
    retryable: false,
  },
  upstream_timeout: {
    title: () => t('errors.upstreamTimeout'),
    detail: () => t('errors.details.upstreamTimeout'),
    action: 'none',
    retryable: true,
  },
  upstream_rate_limited: {
    title: () => t('errors.upstreamRateLimited'),
    detail: () => t('errors.tryInAMoment'),
    action: 'none',
    retryable: true,
  },
  upstream_error: {
    title: () => t('errors.upstreamError'),
    detail: () => t('errors.details.passing'),
    action: 'none',
    retryable: true,
  },
  rate_limited: {
    title: () => t('errors.rateLimited'),
    detail: () => t('errors.details.rateLimited'),
    action: 'none',
    retryable: true,
  },
  // Waiting until the quota resets is the only remedy: the detail says when, and there is nothing to retry.
  quota_exceeded: {
    title: () => t('errors.quotaExceeded'),
    detail: () => t('errors.details.quotaTomorrow'),
    action: 'none',
    retryable: false,
  },
  payload_too_large: {
    title: () => t('errors.payloadTooLarge'),
    detail: () => t('errors.details.payloadTooLarge'),
    action: 'none',
    retryable: false,
  },
  server_misconfigured: {
    title: () => t('errors.serverMisconfigured'),
    detail: () => t('errors.details.administrator'),
    action: 'none',
    retryable: false,
  },
  feature_disabled: {
    title: () => t('errors.featureDisabled'),
    detail: () => t('errors.details.featureDisabled'),
    action: 'none',
    retryable: false,
  },
  network: {
    title: () => t('errors.network'),
    detail: () => t('errors.serverDidNotRespond'),
    action: 'settings',
    retryable: true,
  },
  insecure_server: {
    title: () => t('errors.insecureServer'),
    detail: () => t('errors.details.insecureServer'),
    action: 'settings',
    retryable: false,
  },
};

const unknown: Words = {
  title: () => t('errors.unknown'),
  detail: () => t('errors.details.unknown'),
  action: 'none',
  retryable: true,
};

/** When the quota starts again, in the person's words and time zone ("today at 01:00", or a date). */
function quotaDetail(resetsAt: string | undefined): string | undefined {
  const when = resetsAt ? new Date(resetsAt) : undefined;
  if (!when || Number.isNaN(when.getTime())) return undefined;
  const language = globalThis.navigator?.language;
  const time = when.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
  const today = new Date();
  if (when.toDateString() === today.toDateString()) return t('errors.details.quotaToday', { time });
  const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
  if (when.toDateString() === tomorrow.toDateString()) return t('errors.details.quotaTomorrowAt', { time });
  const day = when.toLocaleDateString(language, { weekday: 'long', day: 'numeric', month: 'long' });
  return t('errors.details.quotaOn', { day, time });
}

/**
 * Turns whatever failed (a problem+json body, an in-stream error, a network failure) into words a salesperson
 * understands, in their language. The server's `retryable` flag, when it sent one, decides "Try again".
 */
export function friendlyError(error: Error | undefined, workerUrl?: string): FriendlyError | undefined {
  if (!error) return undefined;
  const raw = error.message ?? '';
  let code: FriendlyError['code'] = 'unknown';
  let serverRetryable: boolean | undefined;
  let resetsAt: string | undefined;
  try {
    const problem = JSON.parse(raw) as { code?: ErrorCode; retryable?: boolean; resetsAt?: string };
    if (problem.code) {
      code = problem.code;
      serverRetryable = typeof problem.retryable === 'boolean' ? problem.retryable : undefined;
      resetsAt = problem.resetsAt;
    }
  } catch {
    const parsed = parseStreamError(raw);
    if (parsed.code) code = parsed.code;
    else if (error.name === 'InsecureServerError') code = 'insecure_server';
    else if (error.name === 'TypeError' || /failed to fetch|networkerror|load failed/i.test(raw)) code = 'network';
  }
  if (error.name === 'SignInServiceUnavailable') {
    // The background's own words (already in the person's language).
    return {
      code: 'network',
      title: t('errors.signInServiceUnavailable'),
      detail: raw,
      action: 'none',
      retryable: true,
    };
  }
  const words = byCode[code] ?? unknown;
  let detail = words.detail();
  if (code === 'network' && workerUrl) detail = t('errors.serverAtDidNotRespond', { url: workerUrl });
  if (code === 'quota_exceeded') detail = quotaDetail(resetsAt) ?? detail;
  // A quota is over until it resets, whatever a retry-after says; otherwise the server knows best.
  const retryable = code === 'quota_exceeded' ? false : (serverRetryable ?? words.retryable);
  return { code, title: words.title(), detail, action: words.action, retryable };
}
