import { describe, expect, it } from 'vitest';
import { CONFIG_CACHE_CONTROL, ServerConfig } from '../../shared/config';
import { defaultIdp, idpSettings } from '../testing/idp';
import { call, DEV_TOKEN, jsonInit, testEnv } from '../testing/support';

async function serverConfig(overrides: Parameters<typeof testEnv>[0] = {}) {
  const response = await call('/v1/config', {}, await testEnv(overrides));
  expect(response.status).toBe(200);
  expect(response.headers.get('Cache-Control')).toBe(CONFIG_CACHE_CONTROL);
  return ServerConfig.parse(await response.json());
}

describe('GET /v1/config', () => {
  it('tells the extension, without sign-in, how to sign in with the identity provider', async () => {
    const idp = defaultIdp();
    const config = await serverConfig(idpSettings(idp));
    expect(config.product.name).toBe('Beside');
    expect(config.auth).toEqual({
      mode: 'oidc',
      issuer: idp.issuer,
      clientId: idp.clientId,
      scopes: ['openid', 'email', 'profile', 'offline_access'],
      resource: idp.audience,
      audience: idp.audience,
      tokenType: 'access',
    });
  });

  it('follows AUTH_SCOPES and AUTH_TOKEN_TYPE=id (audience: the client id, no resource)', async () => {
    const config = await serverConfig({
      ...idpSettings(defaultIdp()),
      AUTH_AUDIENCE: undefined,
      AUTH_TOKEN_TYPE: 'id',
      AUTH_SCOPES: 'openid email groups',
    });
    expect(config.auth).toMatchObject({ mode: 'oidc', tokenType: 'id', audience: 'beside-extension' });
    expect(config.auth.mode === 'oidc' && config.auth.scopes).toEqual(['openid', 'email', 'groups']);
    expect(config.auth).not.toHaveProperty('resource');
  });

  it('says "none" (a pasted token) when no client id is registered', async () => {
    expect((await serverConfig({ AUTH_CLIENT_ID: undefined })).auth).toEqual({ mode: 'none' });
  });

  it('serves the capture blocklist and feature switches IT set', async () => {
    const config = await serverConfig({
      CAPTURE_BLOCKLIST: 'mail.northwind.example, *.hr.northwind.example ,workday.example/payroll',
      DISABLED_FEATURES: 'insert-drafts',
    });
    expect(config.capture.blocked).toEqual([
      'mail.northwind.example',
      '*.hr.northwind.example',
      'workday.example/payroll',
    ]);
    expect(config.features).toEqual({ actions: true, pageCapture: true, insertDrafts: false });
  });

  it('refuses actions IT turned off with 403 feature_disabled', async () => {
    const environment = await testEnv({ DISABLED_FEATURES: 'actions' });
    expect((await (await call('/v1/config', {}, environment)).json()) as ServerConfig).toMatchObject({
      features: { actions: false },
    });
    const page = { url: 'https://example.com/', title: 'Example', text: 'Hello' };
    const response = await call('/v1/actions/summarize-page', jsonInit({ page }, DEV_TOKEN), environment);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe('feature_disabled');
  });
});
