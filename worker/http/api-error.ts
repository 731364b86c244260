import type { ErrorCode } from '../../shared/errors';

export interface ApiErrorOptions {
  status: number;
  code: ErrorCode;
  title: string;
  detail?: string;
  retryable?: boolean;
  issues?: { path: string; message: string }[];
  headers?: Record<string, string>;
  /** RFC 9457 extension members added to the problem body (e.g. `resetsAt` of quota_exceeded). */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

/** The one error type routes throw; `onError` turns it into application/problem+json. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly title: string;
  readonly detail: string | undefined;
  readonly retryable: boolean;
  readonly issues: { path: string; message: string }[] | undefined;
  readonly headers: Record<string, string>;
  readonly extensions: Record<string, unknown>;

  constructor(options: ApiErrorOptions) {
    super(options.detail ?? options.title, { cause: options.cause });
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.title = options.title;
    this.detail = options.detail;
    this.retryable = options.retryable ?? false;
    this.issues = options.issues;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }
}

export const unauthorized = (detail: string) =>
  new ApiError({
    status: 401,
    code: 'unauthorized',
    title: 'Sign-in required',
    detail,
    headers: { 'WWW-Authenticate': 'Bearer realm="beside"' },
  });

export const forbidden = (detail: string) =>
  new ApiError({ status: 403, code: 'forbidden', title: 'Not allowed', detail });

export const notFound = (detail: string) =>
  new ApiError({ status: 404, code: 'not_found', title: 'Not found', detail });

/** A setting the deployment cannot use: names the setting (never its value) so an administrator can fix it. */
export const serverMisconfigured = (problems: readonly { setting: string; message: string }[]) =>
  new ApiError({
    status: 503,
    code: 'server_misconfigured',
    title: 'Server misconfigured',
    detail: `This Beside server cannot run with its current settings (${[...new Set(problems.map((problem) => problem.setting))].join(', ')}). Tell your administrator; /v1/health/details says more.`,
    retryable: false,
  });
