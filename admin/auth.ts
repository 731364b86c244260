import { authorizationUrl, discover, exchangeCode, type PendingAuthorization, refresh } from '../extension/auth/oidc';
import type { ProviderSettings } from '../extension/auth/provider-settings';
import { type ServerConfig, ServerConfig as ServerConfigSchema } from '../shared/config';

/**
 * Signing in to the console: the company's identity provider with Authorization Code + PKCE (the same
 * oauth4webapi steps as the extension, with this page as the redirect URI), or a pasted token (the dev token
 * in development). The token lives in sessionStorage: it is gone when the tab closes. A token from the provider is
 * renewed with its refresh token shortly before it expires (and once after a 401), so an administrator at work is
 * not sent back to the sign-in page every few minutes.
 */

const TOKEN_KEY = 'beside-admin-token';
const PENDING_KEY = 'beside-admin-pending';

export interface StoredToken {
  token: string;
  /** Epoch ms; renewed before it (refresh token), else the console asks to sign in again after it. */
  expiresAt?: number;
  via: 'identity-provider' | 'token';
  /** The provider's refresh token (granted with offline_access), kept for this tab only. */
  refreshToken?: string;
}

/** A token expiring sooner than this is renewed before it is sent. */
const RENEW_AHEAD_MS = 60_000;

/** How the current page load signed in, until the console has told the worker (POST /v1/admin/session). */
let freshSignIn: StoredToken['via'] | undefined;

export function redirectUri(): string {
  return `${location.origin}/admin/`;
}

let config: Promise<ServerConfig> | undefined;

export function serverConfig(): Promise<ServerConfig> {
  config ??= (async () => {
    const response = await fetch('/v1/config');
    if (!response.ok) throw new Error(`The server's configuration is unavailable (${response.status}).`);
    return ServerConfigSchema.parse(await response.json());
  })();
  config.catch(() => {
    config = undefined;
  });
  return config;
}

function providerOf(config: ServerConfig): ProviderSettings | undefined {
  if (config.auth.mode !== 'oidc') return undefined;
  return {
    issuer: config.auth.issuer,
    clientId: config.auth.clientId,
    scopes: config.auth.scopes.join(' '),
    resource: config.auth.tokenType === 'access' ? config.auth.resource : undefined,
    tokenType: config.auth.tokenType,
  };
}

function readStored(): StoredToken | undefined {
  try {
    return (JSON.parse(sessionStorage.getItem(TOKEN_KEY) ?? 'null') as StoredToken | null) ?? undefined;
  } catch {
    return undefined;
  }
}

function store(token: StoredToken): void {
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify(token));
}

const expired = (token: StoredToken, within = 0) =>
  token.expiresAt !== undefined && token.expiresAt - Date.now() < within;

let renewing: Promise<StoredToken | undefined> | undefined;

/** Exchanges the refresh token for a new token (one exchange at a time); undefined when the provider refuses. */
function renew(stored: StoredToken & { refreshToken: string }): Promise<StoredToken | undefined> {
  renewing ??= (async () => {
    try {
      const provider = providerOf(await serverConfig());
      if (!provider) return undefined;
      const tokens = await refresh(await discover(provider.issuer), provider, stored.refreshToken);
      const token = provider.tokenType === 'id' ? tokens.id_token : tokens.access_token;
      if (!token) return undefined;
      const renewed: StoredToken = {
        token,
        via: 'identity-provider',
        refreshToken: tokens.refresh_token ?? stored.refreshToken,
        ...(tokens.expires_in ? { expiresAt: Date.now() + tokens.expires_in * 1000 } : {}),
      };
      store(renewed);
      return renewed;
    } catch {
      return undefined;
    } finally {
      renewing = undefined;
    }
  })();
  return renewing;
}

/**
 * The token to send: the stored one, renewed first when it expires within a minute (or, with `renewNow`, after the
 * worker refused it). Undefined when there is none, or it expired and cannot be renewed: the console asks to sign in.
 */
export async function currentToken({ renewNow = false } = {}): Promise<StoredToken | undefined> {
  const stored = readStored();
  if (!stored) return undefined;
  if (!renewNow && !expired(stored, RENEW_AHEAD_MS)) return stored;
  if (stored.refreshToken) {
    const renewed = await renew({ ...stored, refreshToken: stored.refreshToken });
    if (renewed) return renewed;
  }
  return renewNow || expired(stored) ? undefined : stored;
}

export function keepToken(token: string): void {
  store({ token: token.trim(), via: 'token' });
  freshSignIn = 'token';
}

/** The sign-in this page load completed, once: the console announces it to the worker, which audits it. */
export function takeFreshSignIn(): StoredToken['via'] | undefined {
  const via = freshSignIn;
  freshSignIn = undefined;
  return via;
}

export function signOut(): void {
  freshSignIn = undefined;
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(PENDING_KEY);
}

/** Leaves for the identity provider; it comes back to /admin/ with a code. */
export async function startSignIn(config: ServerConfig, prompt?: string): Promise<void> {
  const provider = providerOf(config);
  if (!provider) throw new Error('This server has no identity provider to sign in with; paste a token instead.');
  const as = await discover(provider.issuer);
  // OpenID Connect grants a refresh token (offline_access) only with prompt=consent on an interactive sign-in.
  const offline = provider.scopes.split(' ').includes('offline_access');
  const prompts = [...(prompt ? [prompt] : []), ...(offline ? ['consent'] : [])];
  const { url, pending } = await authorizationUrl(as, provider, redirectUri(), prompts.join(' ') || undefined);
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  location.assign(url.href);
}

/** On return from the provider: checks state and nonce, exchanges the code, keeps the token. */
export async function finishSignIn(config: ServerConfig): Promise<boolean> {
  const here = new URL(location.href);
  if (!here.searchParams.has('code') && !here.searchParams.has('error')) return false;
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as PendingAuthorization | null;
  sessionStorage.removeItem(PENDING_KEY);
  history.replaceState(null, '', `${redirectUri()}#/overview`);
  const provider = providerOf(config);
  if (!pending || !provider) throw new Error('This sign-in was not started here. Sign in again.');
  const { tokens } = await exchangeCode(await discover(provider.issuer), provider, here.href, pending);
  const token = provider.tokenType === 'id' ? tokens.id_token : tokens.access_token;
  if (!token) throw new Error('The identity provider returned no token.');
  store({
    token,
    via: 'identity-provider',
    ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
    ...(tokens.expires_in ? { expiresAt: Date.now() + tokens.expires_in * 1000 } : {}),
  });
  freshSignIn = 'identity-provider';
  return true;
}
