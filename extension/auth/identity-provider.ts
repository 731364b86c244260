import { authorizationUrl, discover, exchangeCode, refresh, revoke, type SignInResult } from './oidc';
import type { ProviderSettings } from './provider-settings';
import type { TokenEndpointResult } from './tokens';
import { launchWebAuthFlow, redirectUri } from './web-auth-flow';

/** The provider as the session sees it: three operations, so the session's decisions are tested without a browser. */
export interface IdentityProvider {
  /**
   * `interactive` shows the provider's page (`login`: asking for credentials even if the provider has a session);
   * `silent` tries `prompt=none` invisibly and fails if it cannot.
   */
  signIn(settings: ProviderSettings, mode: 'interactive' | 'login' | 'silent'): Promise<SignInResult>;
  refresh(settings: ProviderSettings, refreshToken: string): Promise<TokenEndpointResult>;
  revoke(settings: ProviderSettings, token: string, hint: 'refresh_token' | 'access_token'): Promise<void>;
}

function wantsOfflineAccess(settings: ProviderSettings): boolean {
  return settings.scopes.split(/\s+/).includes('offline_access');
}

/** The real provider: OpenID Connect through oauth4webapi, pages shown by `identity.launchWebAuthFlow`. */
export const oidcIdentityProvider: IdentityProvider = {
  async signIn(settings, mode) {
    const as = await discover(settings.issuer);
    // OpenID Connect grants offline access (a refresh token) only with prompt=consent on an interactive sign-in.
    const prompts =
      mode === 'silent'
        ? ['none']
        : [...(mode === 'login' ? ['login'] : []), ...(wantsOfflineAccess(settings) ? ['consent'] : [])];
    const { url, pending } = await authorizationUrl(as, settings, redirectUri(), prompts.join(' ') || undefined);
    const redirected = await launchWebAuthFlow(url.href, mode !== 'silent');
    return exchangeCode(as, settings, redirected, pending);
  },
  async refresh(settings, refreshToken) {
    return refresh(await discover(settings.issuer), settings, refreshToken);
  },
  async revoke(settings, token, hint) {
    await revoke(await discover(settings.issuer), settings, token, hint);
  },
};
