import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

/**
 * Verification keys, cached for the isolate's lifetime (one key set per URL). jose's remote key set keeps the
 * fetched keys for `cacheMaxAge`; a token whose `kid` it does not know triggers one refetch — so a provider's
 * key rotation is picked up without a restart — but at most once per `cooldownDuration`, so a flood of tokens
 * with made-up key ids cannot turn the worker into a load generator against the provider.
 */
export const JWKS_CACHE_MAX_AGE_MS = 10 * 60_000;
export const JWKS_REFETCH_COOLDOWN_MS = 30_000;
const JWKS_TIMEOUT_MS = 5_000;

const remoteKeySets = new Map<string, JWTVerifyGetKey>();
const localKeySets = new WeakMap<JSONWebKeySet, JWTVerifyGetKey>();

export function remoteKeySet(url: string): JWTVerifyGetKey {
  let keySet = remoteKeySets.get(url);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(url), {
      timeoutDuration: JWKS_TIMEOUT_MS,
      cacheMaxAge: JWKS_CACHE_MAX_AGE_MS,
      cooldownDuration: JWKS_REFETCH_COOLDOWN_MS,
    });
    remoteKeySets.set(url, keySet);
  }
  return keySet;
}

export function localKeySet(jwks: JSONWebKeySet): JWTVerifyGetKey {
  let keySet = localKeySets.get(jwks);
  if (!keySet) {
    keySet = createLocalJWKSet(jwks);
    localKeySets.set(jwks, keySet);
  }
  return keySet;
}
