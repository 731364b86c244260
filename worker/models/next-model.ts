import { APICallError } from 'ai';

/** Statuses that say "this model cannot answer now" rather than "this request is wrong". */
function unavailableStatus(status: number | undefined): boolean {
  return status === 408 || status === 429 || (status !== undefined && status >= 500 && status <= 599);
}

/** Error types a provider sends inside an open stream when it is overloaded or failing (Anthropic's names). */
const UNAVAILABLE_STREAM_ERRORS = new Set(['overloaded_error', 'rate_limit_error', 'api_error', 'timeout_error']);

const CONNECTION_FAILURE = /network|connect|socket|econn|terminated|fetch failed|failed to fetch|closed/i;

/**
 * Whether a model's failure *before its first token* should pass the question to the next model of the alias:
 * a 429, a 5xx, our first-token deadline, or a connection that could not be made or was dropped. A request the
 * model refused as wrong (400, 401, 404…) or an unreadable answer would fail the same way elsewhere, or hide a
 * configuration mistake an administrator must see, so those end the answer with their own error.
 */
export function shouldTryNextModel(error: unknown, deadline: AbortSignal): boolean {
  if (deadline.aborted) return true;
  if (APICallError.isInstance(error)) {
    // No status: the request never got an answer (connection refused, reset, DNS). A 2xx: the answer started,
    // then its body broke off before the first token (a dropped connection).
    const status = error.statusCode;
    return status === undefined || (status >= 200 && status < 300) || unavailableStatus(status);
  }
  if (error && typeof error === 'object' && !(error instanceof Error)) {
    // An error part of the stream (e.g. {type: "overloaded_error", …} or a provider stream error with a status).
    const part = error as { type?: unknown; statusCode?: unknown; error?: { type?: unknown } };
    const type = typeof part.type === 'string' ? part.type : part.error?.type;
    if (typeof type === 'string' && UNAVAILABLE_STREAM_ERRORS.has(type)) return true;
    return typeof part.statusCode === 'number' && unavailableStatus(part.statusCode);
  }
  // The runtime's own fetch failures (workerd: "Network connection lost.", Node: "fetch failed").
  // The SDK's own errors (AI_JSONParseError…) quote the response, so their message is never matched.
  return (
    error instanceof Error &&
    error.name !== 'AbortError' &&
    !error.name.startsWith('AI_') &&
    CONNECTION_FAILURE.test(error.message)
  );
}
