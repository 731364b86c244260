import { HealthResponse } from '../../shared/health';
import { MeResponse } from '../../shared/me';
import { authorizationHeader } from '../auth/client';

/** What "Save and test connection" found: the server, then whether it accepts the sign-in (`GET /v1/me`). */
export type ConnectionTest =
  | { kind: 'unreachable' }
  | { kind: 'misconfigured'; version: string }
  /** The server answered, but nobody is signed in and no token is pasted. */
  | { kind: 'no-sign-in'; version: string }
  /** The server refused the token (401): a wrong or expired token, or a sign-in that ended. */
  | { kind: 'refused'; version: string }
  | { kind: 'ok'; version: string; me: MeResponse };

/**
 * Reaching the server is half the test: a token the server refuses would fail every question later, so the same
 * credentials the panel would send go to `GET /v1/me`, and the answer says who the server thinks you are.
 */
export async function testConnection(workerUrl: string): Promise<ConnectionTest> {
  let version: string;
  try {
    const health = HealthResponse.parse(await (await fetch(`${workerUrl}/v1/health`)).json());
    if (health.status !== 'ok') return { kind: 'misconfigured', version: health.version };
    version = health.version;
  } catch {
    return { kind: 'unreachable' };
  }
  let headers: Record<string, string>;
  try {
    headers = await authorizationHeader();
  } catch {
    // The sign-in ended, or could not be renewed: the server would refuse the next question too.
    return { kind: 'refused', version };
  }
  if (!headers.Authorization) return { kind: 'no-sign-in', version };
  try {
    const response = await fetch(`${workerUrl}/v1/me`, { headers });
    if (response.status === 401 || response.status === 403) return { kind: 'refused', version };
    if (!response.ok) return { kind: 'misconfigured', version };
    return { kind: 'ok', version, me: MeResponse.parse(await response.json()) };
  } catch {
    return { kind: 'unreachable' };
  }
}
