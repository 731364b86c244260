/**
 * Worker tests' handle on the real OpenID provider running in Node (test/idp/, started by
 * test/setup/idp.global.ts): genuine tokens through its login flow, key rotation, a Cloudflare Access stand-in.
 */
import { inject } from 'vitest';
import type { IdpInfo } from '../../test/idp/control';
import type { TokenSet } from '../../test/idp/sign-in';
import type { Env } from '../env';
import './provided-context';

export type { IdpInfo, TokenSet };

async function control<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${inject('idpControlUrl')}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`idp control ${path}: ${json.error}`);
  return json;
}

/** The provider shared by the whole run. */
export const defaultIdp = (): IdpInfo => inject('idp');

/** A provider of one's own, for tests that change its keys. */
export const startOwnIdp = (options: { accessTokenTtl?: number; algorithm?: 'RS256' | 'ES256' } = {}) =>
  control<IdpInfo>('/idps', options);

/** Signs a demo person (sam, alex, priya, morgan) in through the provider's login form and code flow. */
export const signIn = (idp: IdpInfo, login: string, options: { password?: string; resource?: string } = {}) =>
  control<TokenSet>(`/idps/${idp.id}/sign-in`, { login, ...options });

export const refresh = (idp: IdpInfo, refreshToken: string) =>
  control<TokenSet>(`/idps/${idp.id}/refresh`, { refreshToken });

export const rotateKeys = (idp: IdpInfo, keepPrevious = true) =>
  control<{ kid: string }>(`/idps/${idp.id}/rotate-keys`, { keepPrevious });

export const idpStats = (idp: IdpInfo) =>
  control<{ jwksRequests: number; currentKid: string }>(`/idps/${idp.id}/stats`);

/** Worker settings that trust `idp` for access tokens (the provider's resource-indicator audience). */
export function idpSettings(idp: IdpInfo): Partial<Env> {
  return {
    AUTH_JWKS: undefined,
    AUTH_JWKS_URL: idp.jwksUrl,
    AUTH_ISSUER: idp.issuer,
    AUTH_CLIENT_ID: idp.clientId,
    AUTH_AUDIENCE: idp.audience,
    AUTH_TOKEN_TYPE: 'access',
  };
}

/** The Cloudflare Access stand-in: its team domain is the control server's loopback host. */
export const accessTeamDomain = () => new URL(inject('idpControlUrl')).host;

export async function accessAssertion(options: {
  audience: string | string[];
  claims?: Record<string, unknown>;
  issuer?: string;
  expiresIn?: string;
}): Promise<string> {
  return (await control<{ assertion: string }>('/access/assertion', options)).assertion;
}
