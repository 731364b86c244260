import type { AuthState, TokenStore } from './token-store';
import type { SessionTokens } from './tokens';

/** A TokenStore in plain memory, for tests of the session's decisions. */
export function memoryTokenStore(): TokenStore & {
  snapshot(): { tokens: SessionTokens | null; refreshToken: string | null; state: AuthState | null };
} {
  let tokens: SessionTokens | null = null;
  let refreshToken: string | null = null;
  let state: AuthState | null = null;
  let signedOut = false;
  return {
    tokens: async () => tokens,
    refreshToken: async () => refreshToken,
    state: async () => state,
    async save(values) {
      tokens = values.tokens;
      if (values.refreshToken) refreshToken = values.refreshToken;
      state = values.state;
    },
    async markSignInAgain() {
      tokens = null;
      refreshToken = null;
      if (state) state = { ...state, status: 'sign-in-again' };
    },
    async clear() {
      tokens = null;
      refreshToken = null;
      state = null;
    },
    signedOut: async () => signedOut,
    async setSignedOut(value) {
      signedOut = value;
    },
    snapshot: () => ({ tokens, refreshToken, state }),
  };
}
