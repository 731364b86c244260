import { type ErrorCode, parseStreamError } from '../../shared/errors';

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

const byCode: Partial<Record<FriendlyError['code'], Omit<FriendlyError, 'code' | 'detail'>>> = {
  unauthorized: { title: 'Please sign in', action: 'sign-in' },
  forbidden: { title: 'You don’t have access to this', action: 'none' },
  model_not_configured: { title: 'No AI model is set up yet', action: 'none' },
  upstream_timeout: { title: 'The AI took too long', action: 'retry' },
  upstream_rate_limited: { title: 'The AI is busy right now', action: 'retry' },
  upstream_error: { title: 'The AI couldn’t answer', action: 'retry' },
  rate_limited: { title: 'Slow down a little', action: 'retry' },
  quota_exceeded: { title: 'You’ve used today’s AI allowance', action: 'none' },
  payload_too_large: { title: 'That’s too much text at once', action: 'none' },
  server_misconfigured: { title: 'Beside isn’t set up correctly', action: 'none' },
  feature_disabled: { title: 'Turned off by your organisation', action: 'none' },
  network: { title: 'Can’t reach Beside', action: 'settings' },
  insecure_server: { title: 'Beside won’t sign in over an unencrypted connection', action: 'settings' },
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
      detail = `The Beside server${workerUrl ? ` at ${workerUrl}` : ''} did not respond. Check that it is running and that the address in Settings is right.`;
    }
  }
  if (error.name === 'SignInServiceUnavailable') {
    return { code: 'network', title: 'Can’t reach your sign-in service', detail: raw, action: 'retry' };
  }
  if (code === 'unauthorized' && !detail) detail = 'Sign in with your company account to continue.';
  const known = byCode[code] ?? { title: 'Something went wrong', action: 'retry' as const };
  return { code, detail: detail || 'Try again in a moment.', ...known };
}
