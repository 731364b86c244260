/**
 * Signs a demo person in through the provider's real Authorization Code + PKCE flow, the way a browser would
 * (login form, cookies, redirects), with `fetch` only. Tests use it to get genuine tokens without a browser.
 */
import { TEST_REDIRECT_URI } from './server';

export interface SignInOptions {
  issuer: string;
  clientId: string;
  login: string;
  password: string;
  redirectUri?: string;
  scope?: string;
  /** RFC 8707 resource indicator; the provider's default resource when omitted. */
  resource?: string;
}

export interface TokenSet {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  expires_in: number;
  token_type: string;
  scope?: string;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  revocation_endpoint?: string;
}

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const randomToken = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

export async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery failed: ${response.status}`);
  return (await response.json()) as Discovery;
}

/** A browser's cookie handling, reduced to what one sign-in on one host needs. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(cookie) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

async function tokenRequest(endpoint: string, body: Record<string, string>): Promise<TokenSet> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body),
  });
  const json = (await response.json()) as TokenSet & { error?: string; error_description?: string };
  if (!response.ok) throw new Error(`token request failed: ${json.error}: ${json.error_description}`);
  return json;
}

export async function signInWithPassword(options: SignInOptions): Promise<TokenSet> {
  const metadata = await discover(options.issuer);
  const redirectUri = options.redirectUri ?? TEST_REDIRECT_URI;
  const verifier = randomToken();
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const state = randomToken();
  const authorize = new URL(metadata.authorization_endpoint);
  const params: Record<string, string> = {
    client_id: options.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: options.scope ?? 'openid email profile offline_access',
    state,
    nonce: randomToken(),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    // offline_access (a refresh token) is only granted with an explicit consent prompt (OpenID Connect Core 11).
    prompt: 'consent',
    ...(options.resource ? { resource: options.resource } : {}),
  };
  for (const [name, value] of Object.entries(params)) authorize.searchParams.set(name, value);

  const jar = new CookieJar();
  let request: { url: string; init: RequestInit } = { url: authorize.href, init: {} };
  for (let step = 0; step < 12; step++) {
    const response = await fetch(request.url, {
      ...request.init,
      redirect: 'manual',
      headers: { ...(request.init.headers as Record<string, string>), Cookie: jar.header() },
    });
    jar.store(response);
    const location = response.headers.get('Location');
    if (location) {
      await response.body?.cancel();
      const next = new URL(location, request.url);
      if (next.href.startsWith(redirectUri)) {
        if (next.searchParams.get('state') !== state) throw new Error('state mismatch');
        const code = next.searchParams.get('code');
        if (!code) throw new Error(`sign-in refused: ${next.searchParams.get('error_description') ?? next.href}`);
        return tokenRequest(metadata.token_endpoint, {
          grant_type: 'authorization_code',
          client_id: options.clientId,
          code,
          redirect_uri: redirectUri,
          code_verifier: verifier,
          ...(options.resource ? { resource: options.resource } : {}),
        });
      }
      request = { url: next.href, init: {} };
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`sign-in stopped at ${request.url} (${response.status})`);
    if (response.status === 401) throw new Error('wrong email or password');
    request = {
      url: new URL(action.replace(/&amp;/g, '&'), request.url).href,
      init: {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login: options.login, password: options.password }).toString(),
      },
    };
  }
  throw new Error('sign-in did not finish');
}

export async function refreshTokens(issuer: string, clientId: string, refreshToken: string): Promise<TokenSet> {
  const metadata = await discover(issuer);
  return tokenRequest(metadata.token_endpoint, {
    grant_type: 'refresh_token',
    client_id: clientId,
    refresh_token: refreshToken,
  });
}

export async function revokeToken(issuer: string, clientId: string, token: string): Promise<number> {
  const metadata = await discover(issuer);
  if (!metadata.revocation_endpoint) throw new Error('no revocation endpoint');
  const response = await fetch(metadata.revocation_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: clientId, token }),
  });
  await response.body?.cancel();
  return response.status;
}
