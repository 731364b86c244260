import { APICallError } from 'ai';
import { type ErrorCode, formatStreamError } from '../../shared/errors';

/** What went wrong with the model call, in words a person can act on, with a stable code for the panel. */
export function describeModelError(error: unknown, signal?: AbortSignal): { code: ErrorCode; message: string } {
  const reason = signal?.aborted ? signal.reason : undefined;
  if (isTimeout(error) || isTimeout(reason)) {
    return { code: 'upstream_timeout', message: 'The AI model took too long to answer. Try again in a moment.' };
  }
  const apiError = findApiError(error);
  if (apiError?.statusCode === 429) {
    return {
      code: 'upstream_rate_limited',
      message: 'The AI model is busy (rate limited). Wait a few seconds and try again.',
    };
  }
  if (apiError?.statusCode === 401 || apiError?.statusCode === 403) {
    return {
      code: 'upstream_error',
      message: 'The AI model refused our credentials. An administrator needs to check OPENAI_API_KEY.',
    };
  }
  if (apiError?.statusCode !== undefined) {
    return {
      code: 'upstream_error',
      message: `The AI model failed (status ${apiError.statusCode}). Try again; if it keeps failing, tell your administrator.`,
    };
  }
  return {
    code: 'upstream_error',
    message: 'The answer from the AI model was cut off or unreadable. Try again.',
  };
}

export function streamErrorText(error: unknown, signal?: AbortSignal): string {
  const { code, message } = describeModelError(error, signal);
  return formatStreamError(code, message);
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || /timed? ?out/i.test(error.message));
}

function findApiError(error: unknown): APICallError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (APICallError.isInstance(current)) return current;
    // Retries wrap the last failure; look through `lastError`, `errors` and `cause`.
    const candidate = current as { lastError?: unknown; cause?: unknown; errors?: unknown[] };
    current = candidate.lastError ?? candidate.errors?.at(-1) ?? candidate.cause;
  }
  return undefined;
}
