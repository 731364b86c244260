import { storage } from 'wxt/utils/storage';
import { ServerConfig } from '../../shared/config';
import type { ProviderSettings } from '../auth/provider-settings';

/**
 * The last configuration the server gave and when, so policy still applies while it is briefly unreachable, and a
 * panel opened again within the freshness window reads it from storage instead of waiting for the network.
 */
const lastKnown = storage.defineItem<{ workerUrl: string; config: ServerConfig; at?: number } | null>(
  'local:serverConfig',
  { fallback: null },
);

const FRESH_MS = 5 * 60_000;
const cached = new Map<string, { at: number; config: ServerConfig }>();

/**
 * `GET /v1/config` of the server: how to sign in, and the policy to honour (capture blocklist, features). Kept five
 * minutes, as the server's Cache-Control allows; undefined when the server cannot say (unreachable and never seen,
 * or a server too old to have the route).
 */
export function serverConfig(workerUrl: string, now = Date.now()): Promise<ServerConfig | undefined> {
  const hit = cached.get(workerUrl);
  if (hit && now - hit.at < FRESH_MS) return Promise.resolve(hit.config);
  // The panel asks at once for sign-in, feature switches and the capture blocklist: one request answers all three.
  let pending = inFlight.get(workerUrl);
  if (!pending) {
    pending = storedOrFetched(workerUrl, now).finally(() => inFlight.delete(workerUrl));
    inFlight.set(workerUrl, pending);
  }
  return pending;
}

const inFlight = new Map<string, Promise<ServerConfig | undefined>>();

/** Each panel opening is a fresh page: the stored answer serves it while fresh, as the memory cache would. */
async function storedOrFetched(workerUrl: string, now: number): Promise<ServerConfig | undefined> {
  const stored = await lastKnown.getValue().catch(() => null);
  if (
    stored?.workerUrl === workerUrl &&
    stored.at !== undefined &&
    now - stored.at >= 0 &&
    now - stored.at < FRESH_MS
  ) {
    const config = ServerConfig.safeParse(stored.config);
    if (config.success) {
      cached.set(workerUrl, { at: stored.at, config: config.data });
      return config.data;
    }
  }
  return fetchServerConfig(workerUrl, now);
}

async function fetchServerConfig(workerUrl: string, now: number): Promise<ServerConfig | undefined> {
  try {
    const response = await fetch(`${workerUrl}/v1/config`, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const config = ServerConfig.parse(await response.json());
    cached.set(workerUrl, { at: now, config });
    await lastKnown.setValue({ workerUrl, config, at: now });
    return config;
  } catch {
    const stored = await lastKnown.getValue();
    return stored?.workerUrl === workerUrl ? stored.config : undefined;
  }
}

/** The sign-in settings of a server whose people sign in with OpenID Connect. */
export function providerSettingsOf(config: ServerConfig | undefined): ProviderSettings | undefined {
  if (config?.auth.mode !== 'oidc') return undefined;
  return {
    issuer: config.auth.issuer,
    clientId: config.auth.clientId,
    scopes: config.auth.scopes.join(' '),
    resource: config.auth.resource,
    tokenType: config.auth.tokenType,
  };
}
