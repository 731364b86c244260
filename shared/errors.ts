import { z } from 'zod';

/**
 * Stable error codes. Clients switch on `code`, never on the human message, so a code is never renamed.
 */
export const errorCodes = [
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'invalid_json',
  'invalid_request',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'model_not_configured',
  'upstream_error',
  'upstream_timeout',
  'upstream_rate_limited',
  'internal_error',
  /** The vector index refused a write or query (e.g. its dimension differs from the embedding model's). */
  'vector_index_error',
  /** The document id already lives in another space; re-send with `"move": true` to move it. */
  'document_space_conflict',
  /** A setting of the deployment cannot be used (the problem names it); fixed by an administrator, not by retrying. */
  'server_misconfigured',
  /** IT turned this feature off (DISABLED_FEATURES). */
  'feature_disabled',
  /** The person used their daily token allowance (DAILY_TOKEN_QUOTA); the problem says when it resets. */
  'quota_exceeded',
  /** No assistant has this id (or it was deleted). */
  'assistant_not_found',
  /** The assistant exists but its audience does not include the caller's groups. */
  'assistant_forbidden',
  /** An administrator's assistant (or one of its quick actions) would take the id of a built-in one. */
  'assistant_id_reserved',
  /** An administrator's assistant with this id already exists: change it with PUT, or pick another id. */
  'assistant_exists',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** RFC 9457 problem details, as every error response of the worker is shaped. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: ErrorCode,
  detail: z.string().optional(),
  retryable: z.boolean().default(false),
  /** Field-level problems for invalid_request. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** quota_exceeded: when the daily quota starts again (ISO 8601, UTC). */
  resetsAt: z.string().optional(),
});
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * In-stream errors carry the code as a prefix so the panel can map them to words a person understands:
 * "[model_not_configured] …". The UI-message stream's error part is a plain string.
 */
export function formatStreamError(code: ErrorCode, message: string): string {
  return `[${code}] ${message}`;
}

export function parseStreamError(text: string): { code: ErrorCode | undefined; message: string } {
  const match = /^\[([a-z_]+)\]\s*([\s\S]*)$/.exec(text);
  const parsed = match ? ErrorCode.safeParse(match[1]) : undefined;
  if (match && parsed?.success) return { code: parsed.data, message: match[2] ?? '' };
  return { code: undefined, message: text };
}
