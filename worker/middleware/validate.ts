import { zValidator } from '@hono/zod-validator';
import { createMiddleware } from 'hono/factory';
import type { ZodType } from 'zod';
import type { AppEnv } from '../context';
import { ApiError } from '../http/api-error';

function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

/** Rejects bodies that are not JSON with 415 before the validator tries to parse them. */
const requireJson = createMiddleware<AppEnv>(async function requireJsonBody(c, next) {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new ApiError({
      status: 415,
      code: 'unsupported_media_type',
      title: 'JSON expected',
      detail: 'Send the body as application/json.',
    });
  }
  await next();
});

/** zod-validated JSON body; failures become invalid_request problems listing each field. */
export function jsonBody<T extends ZodType>(schema: T) {
  return [
    requireJson,
    zValidator('json', schema, (result) => {
      if (!result.success) {
        throw new ApiError({
          status: 400,
          code: 'invalid_request',
          title: 'Invalid request',
          detail: 'Some fields of the request are missing or malformed.',
          issues: issuesOf(result.error),
        });
      }
    }),
  ] as const;
}

/** zod-validated query string. */
export function queryParams<T extends ZodType>(schema: T) {
  return zValidator('query', schema, (result) => {
    if (!result.success) {
      throw new ApiError({
        status: 400,
        code: 'invalid_request',
        title: 'Invalid query',
        detail: 'Some query parameters are missing or malformed.',
        issues: issuesOf(result.error),
      });
    }
  });
}
