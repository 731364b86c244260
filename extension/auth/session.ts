import { t } from '../lib/i18n';
import type { IdentityProvider } from './identity-provider';
import { isSignInRequired } from './oidc';
import type { ProviderSettings } from './provider-settings';
import type { AuthState, TokenStore } from './token-store';
import { bearerOf, needsRenewal, type SessionTokens, sessionTokensFrom, type TokenEndpointResult } from './tokens';
import { InteractionRequired } from './web-auth-flow';

/** What goes into the next request's `Authorization` header, or why nothing can. */
export type Bearer =
  | { kind: 'token'; token: string; source: 'sign-in' | 'pasted' }
  /** Nobody signed in and no pasted token: the panel offers "Sign in". */
  | { kind: 'signed-out' }
  /** The sign-in ended and could not be renewed silently: the panel offers "Sign in again". */
  | { kind: 'sign-in-again' }
  /** The identity provider could not be reached to renew; the sign-in itself is kept. */
  | { kind: 'unavailable'; message: string };

export interface SessionDependencies {
  store: TokenStore;
  provider: IdentityProvider;
  /** The server the person uses now (settings or managed policy). */
  workerUrl(): Promise<string>;
  /** How that server wants people to sign in (`GET /v1/config`), or undefined when it offers no sign-in. */
  providerSettings(workerUrl: string): Promise<ProviderSettings | undefined>;
  /** A token pasted under Settings → Advanced (development, or deployments without sign-in). */
  pastedToken(): Promise<string>;
  now(): number;
}

export class SignInUnavailable extends Error {
  constructor() {
    super(t('account.signInUnavailable'));
    this.name = 'SignInUnavailable';
  }
}

export interface AuthSession {
  /** Interactive sign-in: the provider's page opens; resolves once signed in. */
  signIn(): Promise<AuthState>;
  /** A token fresh enough for the next request, renewed first when it is about to expire. */
  bearer(): Promise<Bearer>;
  /** Revokes what the provider lets us revoke, then forgets everything. */
  signOut(): Promise<void>;
}

/**
 * The sign-in's life: sign in, keep a fresh token (refresh token first, then a silent `prompt=none` flow, then a
 * clear "sign in again"), sign out. One renewal at a time: concurrent requests share it, so a rotating refresh token
 * is never used twice.
 */
export function createAuthSession(deps: SessionDependencies): AuthSession {
  let renewal: Promise<Bearer> | undefined;
  let signingIn: Promise<AuthState> | undefined;

  async function save(
    state: AuthState,
    result: TokenEndpointResult,
    previous: SessionTokens | undefined,
  ): Promise<SessionTokens> {
    const tokens = sessionTokensFrom(result, deps.now(), previous);
    await deps.store.save({ tokens, refreshToken: result.refresh_token, state });
    return tokens;
  }

  function bearerFrom(tokens: SessionTokens, state: AuthState): Bearer {
    const bearer = bearerOf(tokens, state.provider.tokenType);
    // A provider that issues no ID token when the worker wants one is a configuration error, not an expiry.
    if (!bearer) return { kind: 'sign-in-again' };
    return { kind: 'token', token: bearer.token, source: 'sign-in' };
  }

  async function renew(state: AuthState, previous: SessionTokens | null): Promise<Bearer> {
    const { provider } = state;
    const refreshToken = await deps.store.refreshToken();
    let unreachable: unknown;
    if (refreshToken) {
      try {
        const result = await deps.provider.refresh(provider, refreshToken);
        return bearerFrom(await save(state, result, previous ?? undefined), state);
      } catch (error) {
        if (!isSignInRequired(error)) unreachable = error;
      }
    }
    if (!unreachable) {
      try {
        const result = await deps.provider.signIn(provider, 'silent');
        if (result.claims.sub !== state.account.subject) {
          // The provider's session now belongs to someone else: never switch people silently.
          await deps.store.markSignInAgain();
          return { kind: 'sign-in-again' };
        }
        return bearerFrom(await save(state, result.tokens, previous ?? undefined), state);
      } catch (error) {
        if (!(error instanceof InteractionRequired) && !isSignInRequired(error)) unreachable = error;
      }
    }
    if (unreachable) {
      // Still good for a little while: use it rather than fail a question because renewal came early.
      if (previous && deps.now() < (bearerOf(previous, provider.tokenType)?.expiresAt ?? 0)) {
        return bearerFrom(previous, state);
      }
      return {
        kind: 'unavailable',
        message: t('account.renewalUnreachable'),
      };
    }
    await deps.store.markSignInAgain();
    return { kind: 'sign-in-again' };
  }

  async function currentBearer(): Promise<Bearer> {
    const state = await deps.store.state();
    const workerUrl = await deps.workerUrl();
    if (state && state.workerUrl === workerUrl) {
      if (state.status === 'sign-in-again') return { kind: 'sign-in-again' };
      const tokens = await deps.store.tokens();
      if (tokens && !needsRenewal(tokens, state.provider.tokenType, deps.now())) return bearerFrom(tokens, state);
      renewal ??= renew(state, tokens).finally(() => {
        renewal = undefined;
      });
      return renewal;
    }
    const pasted = (await deps.pastedToken()).trim();
    if (pasted) return { kind: 'token', token: pasted, source: 'pasted' };
    return { kind: 'signed-out' };
  }

  async function interactiveSignIn(): Promise<AuthState> {
    const workerUrl = await deps.workerUrl();
    const provider = await deps.providerSettings(workerUrl);
    if (!provider) throw new SignInUnavailable();
    // After a sign-out, the provider's own session may be the previous person's: ask for credentials again.
    const result = await deps.provider.signIn(provider, (await deps.store.signedOut()) ? 'login' : 'interactive');
    const state: AuthState = { account: accountOf(result.claims), status: 'signed-in', provider, workerUrl };
    // Nothing of an earlier sign-in (perhaps someone else's refresh token) survives into this one.
    await deps.store.clear();
    await deps.store.setSignedOut(false);
    await save(state, result.tokens, undefined);
    return state;
  }

  return {
    signIn() {
      signingIn ??= interactiveSignIn().finally(() => {
        signingIn = undefined;
      });
      return signingIn;
    },
    bearer: currentBearer,
    async signOut() {
      const state = await deps.store.state();
      const refreshToken = await deps.store.refreshToken();
      const tokens = await deps.store.tokens();
      // Forget first: a provider that is down must not keep the person signed in on this browser.
      await deps.store.clear();
      if (!state) return;
      await deps.store.setSignedOut(true);
      const revocations: Promise<void>[] = [];
      if (refreshToken) revocations.push(deps.provider.revoke(state.provider, refreshToken, 'refresh_token'));
      if (tokens) revocations.push(deps.provider.revoke(state.provider, tokens.accessToken, 'access_token'));
      const results = await Promise.allSettled(revocations);
      for (const result of results) {
        if (result.status === 'rejected') console.warn('[beside] the provider did not revoke a token', result.reason);
      }
    },
  };
}

function accountOf(claims: { sub: string; name?: string; email?: string }) {
  return {
    subject: claims.sub,
    ...(claims.name ? { name: claims.name } : {}),
    ...(claims.email ? { email: claims.email } : {}),
  };
}
