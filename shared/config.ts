import { z } from 'zod';

/**
 * `GET /v1/config`: what the extension needs to sign in and which policy to honour, served without sign-in so
 * that the server URL is the only thing a person (or IT) ever gives the extension. The extension parses the
 * response with this schema.
 */

/** Which token the extension sends as `Authorization: Bearer`: the access token (default) or the ID token. */
export const AuthTokenType = z.enum(['access', 'id']);
export type AuthTokenType = z.infer<typeof AuthTokenType>;

export const DEFAULT_AUTH_SCOPES = ['openid', 'email', 'profile', 'offline_access'] as const;

/** OpenID Connect sign-in: Authorization Code + PKCE (S256) against `issuer`, as the public client `clientId`. */
export const OidcAuthConfig = z.object({
  mode: z.literal('oidc'),
  issuer: z.url(),
  clientId: z.string().min(1),
  scopes: z.array(z.string().min(1)),
  /**
   * The RFC 8707 resource indicator to send on authorization and token requests (Auth0 calls it `audience`),
   * present when the access token is sent: it is the `aud` the server checks.
   */
  resource: z.string().min(1).optional(),
  /** The `aud` the server requires of the token it receives. */
  audience: z.string().min(1),
  tokenType: AuthTokenType,
});

/**
 * Behind Cloudflare Access: Access signs the person in at the edge and adds `Cf-Access-Jwt-Assertion` to every
 * request; the extension sends its requests with the browser's cookies for the server's origin.
 */
export const CloudflareAccessAuthConfig = z.object({
  mode: z.literal('cloudflare-access'),
  teamDomain: z.string().min(1),
});

/** No sign-in flow: a token pasted in the options page (the dev token in development). */
export const TokenOnlyAuthConfig = z.object({ mode: z.literal('none') });

export const AuthConfig = z.discriminatedUnion('mode', [
  OidcAuthConfig,
  CloudflareAccessAuthConfig,
  TokenOnlyAuthConfig,
]);
export type AuthConfig = z.infer<typeof AuthConfig>;

/**
 * A capture-blocklist entry: a host (`mail.example.com`), every subdomain of a host (`*.hr.example.com`), or a
 * host and path prefix (`example.com/payroll`). Matching is defined once, in shared/capture-policy.ts.
 */
export const CapturePattern = z
  .string()
  .max(253)
  .regex(
    /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?(\/[^\s,]*)?$/,
    'A capture pattern is a host, "*.host", or "host/path-prefix" (lower case, no scheme).',
  );

/** Switches IT can turn off (DISABLED_FEATURES); the server refuses what it can enforce, the extension hides the rest. */
export const featureNames = ['actions', 'page-capture', 'insert-drafts'] as const;
export const FeatureName = z.enum(featureNames);
export type FeatureName = z.infer<typeof FeatureName>;

export const ServerConfig = z.object({
  product: z.object({ name: z.string(), version: z.string() }),
  auth: AuthConfig,
  capture: z.object({ blocked: z.array(CapturePattern) }),
  features: z.object({
    /** One-click actions: summaries, ticket replies, follow-up emails (/v1/actions/*). */
    actions: z.boolean(),
    /** Reading the open page into a question. */
    pageCapture: z.boolean(),
    /** Inserting a draft into the page (off: copy only). */
    insertDrafts: z.boolean(),
  }),
});
export type ServerConfig = z.infer<typeof ServerConfig>;

/** Public and identical for everyone: browsers and proxies may keep it for five minutes. */
export const CONFIG_CACHE_CONTROL = 'public, max-age=300';
