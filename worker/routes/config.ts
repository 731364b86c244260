import { Hono } from 'hono';
import { type AuthConfig, CONFIG_CACHE_CONTROL, type ServerConfig } from '../../shared/config';
import { type Config, readConfig } from '../config';
import type { AppEnv } from '../context';

export const PRODUCT_NAME = 'Beside';

function authConfig({ auth }: Config): AuthConfig {
  if (auth.mode === 'cloudflare-access' && auth.cloudflareAccess) {
    return { mode: 'cloudflare-access', teamDomain: auth.cloudflareAccess.teamDomain };
  }
  // A sign-in flow needs the provider and the extension's registration there; without them, a pasted token.
  if (auth.mode === 'oidc' && auth.issuer && auth.clientId && auth.audience) {
    const sendsAccessToken = auth.tokenType === 'access';
    return {
      mode: 'oidc',
      issuer: auth.issuer,
      clientId: auth.clientId,
      scopes: auth.scopes,
      // RFC 8707 resource indicators are absolute URIs; an audience like "beside" is requested through scopes instead.
      ...(sendsAccessToken && URL.canParse(auth.audience) ? { resource: auth.audience } : {}),
      audience: auth.audience,
      tokenType: auth.tokenType,
    };
  }
  return { mode: 'none' };
}

/**
 * `GET /v1/config`, without sign-in: how to sign in and which policy to honour. Only what any visitor of the
 * provider's discovery document could learn anyway (issuer, public client id) — no secrets, nothing per person.
 */
export const configRoutes = new Hono<AppEnv>().get('/', (c) => {
  const config = readConfig(c.env);
  const { disabledFeatures, captureBlocked } = config.policy;
  const body: ServerConfig = {
    product: { name: PRODUCT_NAME, version: config.version },
    auth: authConfig(config),
    capture: { blocked: captureBlocked },
    features: {
      actions: !disabledFeatures.has('actions'),
      pageCapture: !disabledFeatures.has('page-capture'),
      insertDrafts: !disabledFeatures.has('insert-drafts'),
    },
  };
  c.header('Cache-Control', CONFIG_CACHE_CONTROL);
  return c.json(body);
});
