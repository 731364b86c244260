import type { z } from 'zod';
import { Problem } from '../shared/errors';
import { storedToken } from './auth';

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

export async function apiFetch(path: string): Promise<Response> {
  const token = storedToken();
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token.token}` } : {} });
  if (response.ok) return response;
  const body = Problem.safeParse(await response.json().catch(() => null));
  throw new ApiProblem(
    response.status,
    body.success ? body.data.code : 'internal_error',
    body.success ? (body.data.detail ?? body.data.title) : `The server answered ${response.status}.`,
  );
}

/** GET a JSON report and parse it with its shared schema: the console shows exactly what the API said. */
export async function getJson<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
  return schema.parse(await (await apiFetch(path)).json());
}
