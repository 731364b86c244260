import { isLoopbackHostname } from '../../shared/server-url';
import type { TokenType } from './tokens';

/** The identity provider as the worker describes it in `GET /v1/config` (`auth`). */
export interface ProviderSettings {
  issuer: string;
  clientId: string;
  /** Space-separated, e.g. `openid email profile offline_access`. */
  scopes: string;
  /** The API to request tokens for (RFC 8707 `resource`, Auth0's `audience`); absent for providers that refuse it. */
  resource?: string | undefined;
  tokenType: TokenType;
}

/**
 * Plain http is allowed only for an identity provider on this machine (the test and `--local-idp` providers);
 * any other provider must be https, as oauth4webapi enforces by default.
 */
export function isLoopbackHttp(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && isLoopbackHostname(parsed.hostname);
  } catch {
    return false;
  }
}
