import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '../testing/fake-browser';
import { memoryTokenStore } from './memory-token-store';
import { type AuthState, extensionTokenStore, type TokenStore } from './token-store';
import type { SessionTokens } from './tokens';

const tokens: SessionTokens = { accessToken: 'ACCESS-SECRET', accessExpiresAt: 2, issuedAt: 1, idToken: 'ID-SECRET' };
const state: AuthState = {
  account: { subject: 'rep-1', email: 'rep@example.com' },
  status: 'signed-in',
  provider: { issuer: 'https://id.example.com', clientId: 'c', scopes: 'openid', tokenType: 'access' },
  workerUrl: 'https://beside.example.com',
};

/** One suite for every TokenStore, so the in-memory store used by the session tests behaves like the real one. */
function tokenStoreContract(name: string, make: () => TokenStore) {
  describe(name, () => {
    let store: TokenStore;
    beforeEach(() => {
      fakeBrowser.reset();
      store = make();
    });

    it('starts empty', async () => {
      expect(await store.tokens()).toBeNull();
      expect(await store.refreshToken()).toBeNull();
      expect(await store.state()).toBeNull();
    });

    it('keeps a refresh token until a new one replaces it', async () => {
      await store.save({ tokens, refreshToken: 'r1', state });
      await store.save({ tokens: { ...tokens, accessToken: 'ACCESS-2' }, state });
      expect(await store.refreshToken()).toBe('r1');
      expect((await store.tokens())?.accessToken).toBe('ACCESS-2');
      await store.save({ tokens, refreshToken: 'r2', state });
      expect(await store.refreshToken()).toBe('r2');
    });

    it('on "sign in again" forgets the secrets but remembers who was signed in', async () => {
      await store.save({ tokens, refreshToken: 'r1', state });
      await store.markSignInAgain();
      expect(await store.tokens()).toBeNull();
      expect(await store.refreshToken()).toBeNull();
      expect(await store.state()).toEqual({ ...state, status: 'sign-in-again' });
    });

    it('remembers a sign-out until it is cleared', async () => {
      expect(await store.signedOut()).toBe(false);
      await store.setSignedOut(true);
      expect(await store.signedOut()).toBe(true);
      await store.setSignedOut(false);
      expect(await store.signedOut()).toBe(false);
    });

    it('clears everything', async () => {
      await store.save({ tokens, refreshToken: 'r1', state });
      await store.clear();
      expect([await store.tokens(), await store.refreshToken(), await store.state()]).toEqual([null, null, null]);
    });
  });
}

tokenStoreContract('extension storage', () => extensionTokenStore);
tokenStoreContract('memory', () => memoryTokenStore());

describe('where the secrets live', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps access and ID tokens in session storage only, the refresh token in local storage', async () => {
    await extensionTokenStore.save({ tokens, refreshToken: 'REFRESH-SECRET', state });
    const session = JSON.stringify(await fakeBrowser.storage.session.get(null));
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(session).toContain('ACCESS-SECRET');
    expect(session).toContain('ID-SECRET');
    expect(local).not.toContain('ACCESS-SECRET');
    expect(local).not.toContain('ID-SECRET');
    expect(local).toContain('REFRESH-SECRET');
    expect(session).not.toContain('REFRESH-SECRET');
  });
});
