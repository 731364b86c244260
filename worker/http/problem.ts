import { HTTPException } from 'hono/http-exception';
import { PROBLEM_CONTENT_TYPE, type Problem } from '../../shared/errors';
import { ApiError } from './api-error';

/** Maps anything thrown inside a request to a problem; unknown errors never leak their message. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPException) {
    // Hono's own validators and helpers throw these; keep their 4xx meaning.
    if (error.status === 400 && /json/i.test(error.message)) {
      return new ApiError({ status: 400, code: 'invalid_json', title: 'Malformed JSON', detail: error.message });
    }
    if (error.status === 413) {
      return new ApiError({
        status: 413,
        code: 'payload_too_large',
        title: 'Request too large',
        detail: error.message,
      });
    }
    if (error.status === 401) {
      return new ApiError({ status: 401, code: 'unauthorized', title: 'Sign-in required', detail: error.message });
    }
    if (error.status < 500) {
      return new ApiError({
        status: error.status,
        code: 'invalid_request',
        title: 'Invalid request',
        detail: error.message,
      });
    }
  }
  return new ApiError({
    status: 500,
    code: 'internal_error',
    title: 'Internal error',
    detail: 'Something went wrong on our side. Try again; if it keeps happening, tell your administrator.',
    retryable: true,
    cause: error,
  });
}

export function problemResponse(error: ApiError, instance?: string): Response {
  const body: Problem & { instance?: string } = {
    ...error.extensions,
    type: `https://beside.dev/problems/${error.code}`,
    title: error.title,
    status: error.status,
    code: error.code,
    detail: error.detail,
    retryable: error.retryable,
    ...(error.issues ? { issues: error.issues } : {}),
    ...(instance ? { instance } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...error.headers },
  });
}
