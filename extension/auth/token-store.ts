import { storage } from 'wxt/utils/storage';
import type { ProviderSettings } from './provider-settings';
import type { SessionTokens } from './tokens';

/** Who is signed in, for the panel and options page; never used to decide access (the worker decides). */
export interface Account {
  subject: string;
  name?: string;
  email?: string;
}

/**
 * `signed-in`: tokens are there or can be renewed silently. `sign-in-again`: renewal failed (the provider's session
 * ended); the panel shows a clear "Sign in again" instead of sending a question that would fail.
 */
export type AuthStatus = 'signed-in' | 'sign-in-again';

export interface AuthState {
  account: Account;
  status: AuthStatus;
  /** The provider and client the tokens belong to: renewal goes back to the same ones. */
  provider: ProviderSettings;
  /** The server the sign-in was for: its tokens are never sent to another server. */
  workerUrl: string;
}

/**
 * Where each secret lives. The access and ID tokens stay in `storage.session` (memory, gone when the browser
 * closes, out of reach of content scripts); the refresh token, when the provider issues one, in `storage.local`
 * so a restarted browser renews without a new sign-in. The account says who is signed in.
 */
export const sessionTokensItem = storage.defineItem<SessionTokens | null>('session:auth.tokens', { fallback: null });
export const refreshTokenItem = storage.defineItem<string | null>('local:auth.refreshToken', { fallback: null });
export const authStateItem = storage.defineItem<AuthState | null>('local:auth.state', { fallback: null });
/** Set by "Sign out": the next sign-in asks the provider for credentials again (`prompt=login`), not its session. */
export const signedOutItem = storage.defineItem<boolean>('local:auth.signedOut', { fallback: false });

export interface TokenStore {
  tokens(): Promise<SessionTokens | null>;
  refreshToken(): Promise<string | null>;
  state(): Promise<AuthState | null>;
  save(values: { tokens: SessionTokens; refreshToken?: string | undefined; state: AuthState }): Promise<void>;
  markSignInAgain(): Promise<void>;
  clear(): Promise<void>;
  /** Whether the person signed out since the last sign-in (so someone else may be at the keyboard). */
  signedOut(): Promise<boolean>;
  setSignedOut(value: boolean): Promise<void>;
}

export const extensionTokenStore: TokenStore = {
  tokens: () => sessionTokensItem.getValue(),
  refreshToken: () => refreshTokenItem.getValue(),
  state: () => authStateItem.getValue(),
  async save({ tokens, refreshToken, state }) {
    await sessionTokensItem.setValue(tokens);
    // Providers that rotate refresh tokens send a new one with each renewal; others keep the first.
    if (refreshToken) await refreshTokenItem.setValue(refreshToken);
    await authStateItem.setValue(state);
  },
  async markSignInAgain() {
    const state = await authStateItem.getValue();
    await sessionTokensItem.removeValue();
    await refreshTokenItem.removeValue();
    if (state) await authStateItem.setValue({ ...state, status: 'sign-in-again' });
  },
  async clear() {
    await sessionTokensItem.removeValue();
    await refreshTokenItem.removeValue();
    await authStateItem.removeValue();
  },
  signedOut: () => signedOutItem.getValue(),
  async setSignedOut(value) {
    if (value) await signedOutItem.setValue(true);
    else await signedOutItem.removeValue();
  },
};
