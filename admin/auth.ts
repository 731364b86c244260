import { authorizationUrl, discover, exchangeCode, type PendingAuthorization } from '../extension/auth/oidc';
import type { ProviderSettings } from '../extension/auth/provider-settings';
import { type ServerConfig, ServerConfig as ServerConfigSchema } from '../shared/config';

/**
 * Signing in to the console: the company's identity provider with Authorization Code + PKCE (the same
 * oauth4webapi steps as the extension, with this page as the redirect URI), or a pasted token (the dev token
 * in development). The token lives in sessionStorage: it is gone when the tab closes.
 */

const TOKEN_KEY = 'beside-admin-token';
const PENDING_KEY = 'beside-admin-pending';

export interface StoredToken {
  token: string;
  /** Epoch ms; the console asks to sign in again after it. */
  expiresAt?: number;
  via: 'identity-provider' | 'token';
}

export function redirectUri(): string {
  return `${location.origin}/admin/`;
}

export async function serverConfig(): Promise<ServerConfig> {
  const response = await fetch('/v1/config');
  if (!response.ok) throw new Error(`The server's configuration is unavailable (${response.status}).`);
  return ServerConfigSchema.parse(await response.json());
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

export function storedToken(): StoredToken | undefined {
  try {
    const stored = JSON.parse(sessionStorage.getItem(TOKEN_KEY) ?? 'null') as StoredToken | null;
    if (!stored || (stored.expiresAt !== undefined && stored.expiresAt < Date.now())) return undefined;
    return stored;
  } catch {
    return undefined;
  }
}

export function keepToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify({ token: token.trim(), via: 'token' } satisfies StoredToken));
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(PENDING_KEY);
}

/** Leaves for the identity provider; it comes back to /admin/ with a code. */
export async function startSignIn(config: ServerConfig, prompt?: string): Promise<void> {
  const provider = providerOf(config);
  if (!provider) throw new Error('This server has no identity provider to sign in with; paste a token instead.');
  const as = await discover(provider.issuer);
  const { url, pending } = await authorizationUrl(as, provider, redirectUri(), prompt);
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
  const stored: StoredToken = {
    token,
    via: 'identity-provider',
    ...(tokens.expires_in ? { expiresAt: Date.now() + tokens.expires_in * 1000 } : {}),
  };
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify(stored));
  return true;
}
