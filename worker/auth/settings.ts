import type { JSONWebKeySet } from 'jose';
import { type AuthTokenType, DEFAULT_AUTH_SCOPES } from '../../shared/config';
import type { ConfigProblem } from '../../shared/health';
import type { Env } from '../env';

/** How the worker knows who is calling (AUTH_* and CF_ACCESS_* settings), parsed with the rest of the config. */
export interface AuthSettings {
  /** `oidc`: a bearer token from the company's identity provider; `cloudflare-access`: Access's assertion header. */
  mode: 'oidc' | 'cloudflare-access';
  tokenType: AuthTokenType;
  issuer: string | undefined;
  clientId: string | undefined;
  /** The `aud` a token must carry: AUTH_AUDIENCE, else the client id (an ID token's audience). */
  audience: string | undefined;
  scopes: string[];
  jwksUrl: string | undefined;
  jwks: JSONWebKeySet | undefined;
  groupsClaim: string;
  devToken: string | undefined;
  cloudflareAccess: CloudflareAccessSettings | undefined;
}

export interface CloudflareAccessSettings {
  teamDomain: string;
  issuer: string;
  certsUrl: string;
  audience: string;
}

const MODES = ['oidc', 'cloudflare-access'] as const;
const TOKEN_TYPES = ['access', 'id'] as const;
/** A DNS name with an optional port: nothing that could turn the derived certs URL into another URL. */
const TEAM_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/;

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/**
 * Key material must come over TLS; plain http is accepted only for a provider on this machine while developing
 * or testing (the local identity provider, a stand-in for the Cloudflare team domain).
 */
function keyUrlProblem(setting: string, value: string, allowLoopbackHttp: boolean): ConfigProblem | undefined {
  const url = URL.parse(value);
  if (!url) return { setting, message: `${setting} is not a URL.` };
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && allowLoopbackHttp && isLoopback(url.hostname)) return undefined;
  return { setting, message: `${setting} must be an https:// URL.` };
}

function parseJwks(raw: string): JSONWebKeySet | ConfigProblem {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && Array.isArray((parsed as JSONWebKeySet).keys)) {
      return parsed as JSONWebKeySet;
    }
    return { setting: 'AUTH_JWKS', message: 'AUTH_JWKS must be a JSON Web Key Set: {"keys": [...]}.' };
  } catch {
    return { setting: 'AUTH_JWKS', message: 'AUTH_JWKS is not valid JSON.' };
  }
}

function cloudflareAccess(
  env: Env,
  allowLoopbackHttp: boolean,
  problems: ConfigProblem[],
): CloudflareAccessSettings | undefined {
  const raw = nonEmpty(env.CF_ACCESS_TEAM_DOMAIN)
    ?.toLowerCase()
    .replace(/^https:\/\//, '')
    .replace(/\/+$/, '');
  const audience = nonEmpty(env.CF_ACCESS_AUD);
  if (!raw)
    problems.push({
      setting: 'CF_ACCESS_TEAM_DOMAIN',
      message: 'AUTH_MODE=cloudflare-access needs CF_ACCESS_TEAM_DOMAIN (e.g. acme.cloudflareaccess.com).',
    });
  if (!audience)
    problems.push({
      setting: 'CF_ACCESS_AUD',
      message: "AUTH_MODE=cloudflare-access needs CF_ACCESS_AUD (the Access application's AUD tag).",
    });
  if (!raw || !audience) return undefined;
  if (!TEAM_DOMAIN.test(raw)) {
    problems.push({
      setting: 'CF_ACCESS_TEAM_DOMAIN',
      message: 'CF_ACCESS_TEAM_DOMAIN must be a host name, like acme.cloudflareaccess.com.',
    });
    return undefined;
  }
  // A loopback team domain (a local stand-in for Access's certs endpoint) is served over http, outside production only.
  const hostname = raw.replace(/:\d+$/, '');
  const local = isLoopback(hostname);
  if (local && !allowLoopbackHttp) {
    problems.push({
      setting: 'CF_ACCESS_TEAM_DOMAIN',
      message: 'CF_ACCESS_TEAM_DOMAIN cannot be a loopback address outside development.',
    });
    return undefined;
  }
  const origin = `${local ? 'http' : 'https'}://${raw}`;
  return { teamDomain: raw, issuer: origin, certsUrl: `${origin}/cdn-cgi/access/certs`, audience };
}

export function readAuthSettings(env: Env, environment: string): { auth: AuthSettings; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const allowLoopbackHttp = environment === 'development' || environment === 'test';

  const modeValue = nonEmpty(env.AUTH_MODE)?.toLowerCase() ?? 'oidc';
  const mode = MODES.find((candidate) => candidate === modeValue);
  if (!mode) problems.push({ setting: 'AUTH_MODE', message: `AUTH_MODE must be one of: ${MODES.join(', ')}.` });

  const tokenTypeValue = nonEmpty(env.AUTH_TOKEN_TYPE)?.toLowerCase() ?? 'access';
  const tokenType = TOKEN_TYPES.find((candidate) => candidate === tokenTypeValue);
  if (!tokenType) {
    problems.push({
      setting: 'AUTH_TOKEN_TYPE',
      message: `AUTH_TOKEN_TYPE must be one of: ${TOKEN_TYPES.join(', ')}.`,
    });
  }

  const jwksUrl = nonEmpty(env.AUTH_JWKS_URL);
  if (jwksUrl) {
    const problem = keyUrlProblem('AUTH_JWKS_URL', jwksUrl, allowLoopbackHttp);
    if (problem) problems.push(problem);
  }
  let jwks: JSONWebKeySet | undefined;
  const rawJwks = nonEmpty(env.AUTH_JWKS);
  if (rawJwks) {
    const parsed = parseJwks(rawJwks);
    if ('keys' in parsed) jwks = parsed;
    else problems.push(parsed);
  }

  const issuer = nonEmpty(env.AUTH_ISSUER);
  const clientId = nonEmpty(env.AUTH_CLIENT_ID);
  const audience = nonEmpty(env.AUTH_AUDIENCE) ?? clientId;
  if (issuer && !URL.canParse(issuer)) problems.push({ setting: 'AUTH_ISSUER', message: 'AUTH_ISSUER is not a URL.' });
  // Keys without an issuer or audience to check would accept any token those keys ever signed, for anyone.
  if ((mode ?? 'oidc') === 'oidc' && (jwksUrl || rawJwks)) {
    if (!issuer)
      problems.push({ setting: 'AUTH_ISSUER', message: 'AUTH_ISSUER is required with AUTH_JWKS_URL or AUTH_JWKS.' });
    if (!audience) {
      problems.push({
        setting: 'AUTH_AUDIENCE',
        message: 'AUTH_AUDIENCE (or AUTH_CLIENT_ID) is required with AUTH_JWKS_URL or AUTH_JWKS.',
      });
    }
  }

  const scopes = (nonEmpty(env.AUTH_SCOPES)?.split(/[\s,]+/) ?? [...DEFAULT_AUTH_SCOPES]).filter(Boolean);

  return {
    auth: {
      mode: mode ?? 'oidc',
      tokenType: tokenType ?? 'access',
      issuer,
      clientId,
      audience,
      scopes,
      jwksUrl,
      jwks,
      groupsClaim: nonEmpty(env.AUTH_GROUPS_CLAIM) ?? 'groups',
      devToken: nonEmpty(env.DEV_TOKEN),
      cloudflareAccess: mode === 'cloudflare-access' ? cloudflareAccess(env, allowLoopbackHttp, problems) : undefined,
    },
    problems,
  };
}
