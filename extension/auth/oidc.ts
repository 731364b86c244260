import * as oauth from 'oauth4webapi';
import { isLoopbackHttp, type ProviderSettings } from './provider-settings';
import type { TokenEndpointResult } from './tokens';

/**
 * The OpenID Connect protocol steps, all through oauth4webapi (discovery, PKCE, state and nonce checks, code
 * exchange, refresh, revocation): nothing here builds a token request by hand.
 */

/** One sign-in attempt's secrets, checked against the provider's answer and then discarded. */
export interface PendingAuthorization {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

export interface SignInResult {
  tokens: TokenEndpointResult;
  claims: { sub: string; name?: string; email?: string };
}

const discovered = new Map<string, Promise<oauth.AuthorizationServer>>();

function httpOptions(issuer: string) {
  return { [oauth.allowInsecureRequests]: isLoopbackHttp(issuer), signal: AbortSignal.timeout(15_000) };
}

function clientOf(settings: ProviderSettings): oauth.Client {
  return { client_id: settings.clientId, token_endpoint_auth_method: 'none' };
}

/** The provider's metadata, fetched once per issuer while the background runs (a failure is not cached). */
export function discover(issuer: string): Promise<oauth.AuthorizationServer> {
  let pending = discovered.get(issuer);
  if (!pending) {
    const url = new URL(issuer);
    pending = oauth
      .discoveryRequest(url, { algorithm: 'oidc', ...httpOptions(issuer) })
      .then((response) => oauth.processDiscoveryResponse(url, response));
    pending.catch(() => discovered.delete(issuer));
    discovered.set(issuer, pending);
  }
  return pending;
}

export function forgetDiscovery(): void {
  discovered.clear();
}

/** The authorization URL with PKCE (S256), a fresh `state` and `nonce`, and the resource when one is set. */
export async function authorizationUrl(
  as: oauth.AuthorizationServer,
  settings: ProviderSettings,
  redirectUri: string,
  /** Space-separated OpenID Connect prompt values (`none`, `login consent`…), or none. */
  prompt: string | undefined,
): Promise<{ url: URL; pending: PendingAuthorization }> {
  if (!as.authorization_endpoint) throw new Error('The identity provider publishes no authorization endpoint.');
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const pending: PendingAuthorization = {
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    codeVerifier,
    redirectUri,
  };
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', settings.scopes);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', pending.state);
  url.searchParams.set('nonce', pending.nonce);
  if (prompt) url.searchParams.set('prompt', prompt);
  if (settings.resource) {
    url.searchParams.set('resource', settings.resource);
    url.searchParams.set('audience', settings.resource);
  }
  return { url, pending };
}

function claimsOf(result: oauth.TokenEndpointResponse): SignInResult['claims'] {
  const claims = oauth.getValidatedIdTokenClaims(result);
  if (!claims) throw new Error('The identity provider returned no ID token.');
  return {
    sub: claims.sub,
    ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
    ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
  };
}

function tokensOf(result: oauth.TokenEndpointResponse): TokenEndpointResult {
  return {
    access_token: result.access_token,
    ...(result.expires_in !== undefined ? { expires_in: result.expires_in } : {}),
    ...(result.id_token ? { id_token: result.id_token } : {}),
    ...(result.refresh_token ? { refresh_token: result.refresh_token } : {}),
  };
}

/**
 * Checks the redirect (state, error, issuer when the provider sends `iss`) and exchanges the code with the PKCE
 * verifier; the ID token's `iss`, `aud`, `exp` and `nonce` are checked by oauth4webapi.
 */
export async function exchangeCode(
  as: oauth.AuthorizationServer,
  settings: ProviderSettings,
  redirectedTo: string,
  pending: PendingAuthorization,
): Promise<SignInResult> {
  const client = clientOf(settings);
  const parameters = oauth.validateAuthResponse(as, client, new URL(redirectedTo), pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    parameters,
    pending.redirectUri,
    pending.codeVerifier,
    {
      ...httpOptions(settings.issuer),
      ...(settings.resource ? { additionalParameters: { resource: settings.resource } } : {}),
    },
  );
  const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
    expectedNonce: pending.nonce,
    requireIdToken: true,
  });
  return { tokens: tokensOf(result), claims: claimsOf(result) };
}

export async function refresh(
  as: oauth.AuthorizationServer,
  settings: ProviderSettings,
  refreshToken: string,
): Promise<TokenEndpointResult> {
  const client = clientOf(settings);
  const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), refreshToken, {
    ...httpOptions(settings.issuer),
    ...(settings.resource ? { additionalParameters: { resource: settings.resource } } : {}),
  });
  return tokensOf(await oauth.processRefreshTokenResponse(as, client, response));
}

/** Revokes a token where the provider supports it (RFC 7009); providers without the endpoint are skipped. */
export async function revoke(
  as: oauth.AuthorizationServer,
  settings: ProviderSettings,
  token: string,
  hint: 'refresh_token' | 'access_token',
): Promise<boolean> {
  if (!as.revocation_endpoint) return false;
  const response = await oauth.revocationRequest(as, clientOf(settings), oauth.None(), token, {
    ...httpOptions(settings.issuer),
    additionalParameters: { token_type_hint: hint },
  });
  await oauth.processRevocationResponse(response);
  return true;
}

/** The provider answered that a new interactive sign-in is needed (as opposed to being unreachable). */
export function isSignInRequired(error: unknown): boolean {
  if (error instanceof oauth.AuthorizationResponseError) return true;
  if (error instanceof oauth.ResponseBodyError)
    return ['invalid_grant', 'invalid_client', 'unauthorized_client'].includes(error.error);
  return false;
}
