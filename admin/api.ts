import type { z } from 'zod';
import { Problem } from '../shared/errors';
import { currentToken } from './auth';

/** A refusal or failure from the worker, with its stable code (shared/errors.ts). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A call with the console's token (renewed ahead of its expiry); a 401 renews it once and tries again. */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const send = (token: { token: string } | undefined) =>
    fetch(path, { ...init, headers: token ? { Authorization: `Bearer ${token.token}` } : {} });
  let response = await send(await currentToken());
  if (response.status === 401) {
    const renewed = await currentToken({ renewNow: true });
    if (renewed) response = await send(renewed);
  }
  if (response.ok) return response;
  const body = Problem.safeParse(await response.json().catch(() => null));
  throw new ApiProblem(
    response.status,
    body.success ? body.data.code : 'internal_error',
    body.success ? (body.data.detail ?? body.data.title) : `The server answered ${response.status}.`,
  );
}

/** GET a JSON report and parse it with its shared schema: the console shows exactly what the API said. */
export async function getJson<T extends z.ZodType>(path: string, schema: T, init?: RequestInit): Promise<z.infer<T>> {
  return schema.parse(await (await apiFetch(path, init)).json());
}
