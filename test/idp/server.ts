/**
 * A real OpenID provider (oidc-provider, the certified implementation) on 127.0.0.1, for tests and
 * `npm run dev -- --local-idp`. It behaves like a company's identity provider set up for Beside:
 *  - one public client (the extension): Authorization Code + PKCE S256, no client secret;
 *  - JWT access tokens for one resource server (the worker), audience `audience`, with a `groups` claim;
 *  - ID tokens with name, email and groups; refresh tokens with `offline_access` (+ `prompt=consent`);
 *  - revocation, discovery, JWKS; short lifetimes on request so renewal is exercised;
 *  - `rotateKeys()` starts signing with a new key without a restart, as a real provider rotates.
 * Never expose it beyond the loopback interface: every demo person shares one password.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { type Configuration, errors } from 'oidc-provider';
import { escapeHtml, handleInteraction } from './interactions';
import { DEMO_PASSWORD, DEMO_PEOPLE, type DemoPerson } from './people';

export const DEFAULT_CLIENT_ID = 'beside-extension';
/** RFC 8707 resource indicators are absolute URIs; the worker checks this value as the access token's `aud`. */
export const DEFAULT_AUDIENCE = 'urn:beside:api';
/** The redirect URI of the test sign-in helper (sign-in.ts); the browser never loads it. */
export const TEST_REDIRECT_URI = 'http://127.0.0.1/beside-test-callback';

export interface IdpOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  clientId?: string;
  /** Redirect URIs registered for the extension, e.g. `https://<extension-id>.chromiumapp.org/oidc`. */
  clientRedirectUris?: string[];
  audience?: string;
  /** Seconds; short values make the extension renew. */
  accessTokenTtl?: number;
  idTokenTtl?: number;
  refreshTokenTtl?: number;
  people?: readonly DemoPerson[];
  password?: string;
  /** Signing algorithm of tokens (RS256 default; ES256 to exercise the worker's other algorithm). */
  algorithm?: 'RS256' | 'ES256';
  /**
   * Also accepts the redirect URI of any browser extension (`https://<id>.chromiumapp.org/…`, Firefox's
   * `https://<id>.extensions.allizom.org/…`), so `npm run dev -- --local-idp` works with any unpacked build.
   */
  anyExtensionRedirect?: boolean;
}

/** The redirect URIs `identity.getRedirectURL()` gives in Chrome and Firefox. */
const EXTENSION_REDIRECT = /^https:\/\/[a-z0-9]{32,40}\.(chromiumapp\.org|extensions\.allizom\.org)\/[^\s#]*$/;

export interface Idp {
  /** The issuer URL (no trailing slash), also the discovery base: `${issuer}/.well-known/openid-configuration`. */
  issuer: string;
  jwksUrl: string;
  clientId: string;
  audience: string;
  redirectUris: string[];
  /** Whether any browser extension's redirect URI is accepted too (`anyExtensionRedirect`). */
  anyExtensionRedirect: boolean;
  people: readonly DemoPerson[];
  password: string;
  /** How many times the JWKS was fetched: shows whether a verifier's cache refetches too often. */
  jwksRequests(): number;
  /**
   * Signs with a new key from now on. With `keepPrevious` (default) the old public key stays published so tokens
   * already issued still verify, as real providers do; without it, they stop verifying.
   */
  rotateKeys(options?: { keepPrevious?: boolean }): Promise<{ kid: string }>;
  /** The `kid` tokens are signed with now. */
  currentKid(): string;
  stop(): Promise<void>;
}

async function signingKey(algorithm: 'RS256' | 'ES256'): Promise<JWK> {
  const { privateKey } = await generateKeyPair(algorithm, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: `key-${randomBytes(6).toString('hex')}`, alg: algorithm, use: 'sig' };
}

function providerConfiguration(
  options: Required<Omit<IdpOptions, 'port'>>,
  keys: JWK[],
  cookieKeys: string[],
): Configuration {
  const byId = new Map(options.people.map((person) => [person.id, person]));
  const person = (accountId: string | undefined) => (accountId ? byId.get(accountId) : undefined);
  return {
    clients: [
      {
        client_id: options.clientId,
        client_name: 'Beside',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: options.clientRedirectUris,
        id_token_signed_response_alg: options.algorithm,
      },
    ],
    jwks: { keys } as Configuration['jwks'],
    cookies: { keys: cookieKeys },
    // PKCE is required for public clients by default; S256 is the only method oidc-provider 9 accepts.
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'profile', 'groups', 'offline_access'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username', 'groups'],
      groups: ['groups'],
    },
    // ID tokens carry the person's claims (not only `sub`), so AUTH_TOKEN_TYPE=id works with this provider.
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => {
      const found = person(id);
      if (!found) return undefined;
      return {
        accountId: found.id,
        claims: () => ({
          sub: found.id,
          name: found.name,
          email: found.email,
          email_verified: true,
          preferred_username: found.id,
          groups: found.groups,
        }),
      };
    },
    // The extension calls the token and revocation endpoints from its service worker (a chrome-extension:// origin).
    clientBasedCORS: (_ctx, origin, client) =>
      /^(chrome|moz)-extension:\/\/[a-z0-9-]+$/.test(origin) ||
      client.redirectUris?.some((uri) => URL.parse(uri)?.origin === origin) === true,
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => {
          if (resourceIndicator !== options.audience) throw new errors.InvalidTarget();
          return {
            scope: 'openid email profile groups offline_access',
            audience: options.audience,
            accessTokenTTL: options.accessTokenTtl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: options.algorithm } },
          };
        },
      },
    },
    // Access tokens carry who the person is, so the worker needs no userinfo call.
    extraTokenClaims: (_ctx, token) => {
      const found = person('accountId' in token ? token.accountId : undefined);
      return found ? { groups: found.groups, email: found.email, name: found.name } : undefined;
    },
    issueRefreshToken: (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    ttl: {
      AccessToken: options.accessTokenTtl,
      IdToken: options.idTokenTtl,
      RefreshToken: options.refreshTokenTtl,
      AuthorizationCode: 60,
      Interaction: 10 * 60,
      Session: 24 * 60 * 60,
      Grant: 24 * 60 * 60,
    },
    enabledJWA: { idTokenSigningAlgValues: ['RS256', 'ES256'] },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><title>Sign-in error</title><h1>Sign-in error</h1><pre>${escapeHtml(
        JSON.stringify(out, null, 2),
      )}</pre>`;
    },
  };
}

export async function startIdp(input: IdpOptions = {}): Promise<Idp> {
  const options: Required<Omit<IdpOptions, 'port'>> = {
    clientId: input.clientId ?? DEFAULT_CLIENT_ID,
    clientRedirectUris: [...new Set([...(input.clientRedirectUris ?? []), TEST_REDIRECT_URI])],
    audience: input.audience ?? DEFAULT_AUDIENCE,
    accessTokenTtl: input.accessTokenTtl ?? 5 * 60,
    idTokenTtl: input.idTokenTtl ?? 5 * 60,
    refreshTokenTtl: input.refreshTokenTtl ?? 24 * 60 * 60,
    people: input.people ?? DEMO_PEOPLE,
    password: input.password ?? DEMO_PASSWORD,
    algorithm: input.algorithm ?? 'RS256',
    anyExtensionRedirect: input.anyExtensionRedirect ?? false,
  };
  const cookieKeys = [randomBytes(32).toString('hex')];
  let keys: JWK[] = [await signingKey(options.algorithm)];
  let provider: Provider | undefined;
  let jwksRequests = 0;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!provider) {
      res.statusCode = 503;
      res.end();
      return;
    }
    if (req.url?.startsWith('/jwks')) jwksRequests++;
    if (req.url?.startsWith('/interaction/')) {
      handleInteraction(provider, req, res, options).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(input.port ?? 0, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const build = () => {
    const next = new Provider(issuer, providerConfiguration(options, keys, cookieKeys));
    // oidc-provider warns about every development default it sees; this provider is development-only by design.
    next.on('server_error', (_ctx, error) => console.error('[idp] server_error', error));
    if (options.anyExtensionRedirect) {
      // oidc-provider's documented hook for redirect URI patterns (its "redirect_uri wildcards" recipe).
      const exact = next.Client.prototype.redirectUriAllowed;
      next.Client.prototype.redirectUriAllowed = function allowed(this: typeof next.Client.prototype, uri: string) {
        return exact.call(this, uri) || EXTENSION_REDIRECT.test(uri);
      };
    }
    return next;
  };
  provider = build();

  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    clientId: options.clientId,
    audience: options.audience,
    redirectUris: options.clientRedirectUris,
    anyExtensionRedirect: options.anyExtensionRedirect,
    people: options.people,
    password: options.password,
    jwksRequests: () => jwksRequests,
    currentKid: () => keys[0]?.kid ?? '',
    async rotateKeys({ keepPrevious = true } = {}) {
      const next = await signingKey(options.algorithm);
      // The first key of the set signs; the others stay published for verification only.
      keys = keepPrevious ? [next, ...keys] : [next];
      // Sessions, grants and refresh tokens live in oidc-provider's process-wide memory adapter, so they survive.
      provider = build();
      return { kid: next.kid ?? '' };
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
