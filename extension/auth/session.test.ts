import * as oauth from 'oauth4webapi';
import { describe, expect, it, vi } from 'vitest';
import type { IdentityProvider } from './identity-provider';
import { memoryTokenStore } from './memory-token-store';
import type { SignInResult } from './oidc';
import type { ProviderSettings } from './provider-settings';
import { createAuthSession, SignInUnavailable } from './session';
import { InteractionRequired } from './web-auth-flow';

const SERVER = 'https://beside.example.com';
const settings: ProviderSettings = {
  issuer: 'https://id.example.com',
  clientId: 'beside-extension',
  scopes: 'openid email profile offline_access',
  tokenType: 'access',
};

const idToken = (sub: string, exp: number) =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ sub, exp })).toString('base64url')}.sig`;

function invalidGrant() {
  return new oauth.ResponseBodyError('refresh refused', {
    cause: { error: 'invalid_grant' },
    response: new Response('{}', { status: 400 }),
  });
}

function setup(
  overrides: Partial<IdentityProvider> = {},
  options: { pasted?: string; provider?: boolean; tokenType?: 'access' | 'id' } = {},
) {
  let now = 1_800_000_000_000;
  let workerUrl = SERVER;
  let issued = 0;
  const store = memoryTokenStore();
  const signInAs = (sub: string, mode: string): SignInResult => {
    issued++;
    return {
      claims: { sub, name: 'Riley Sales', email: 'riley@example.com' },
      tokens: {
        access_token: `${mode}-access-${issued}`,
        expires_in: 60,
        id_token: idToken(sub, now / 1000 + 60),
        ...(mode === 'interactive' ? { refresh_token: `refresh-${issued}` } : {}),
      },
    };
  };
  const provider = {
    signIn: vi.fn(async (_settings: ProviderSettings, mode: 'interactive' | 'login' | 'silent') =>
      signInAs('rep-1', mode === 'login' ? 'interactive' : mode),
    ),
    refresh: vi.fn(async (_settings: ProviderSettings, token: string) => {
      issued++;
      return { access_token: `refreshed-${issued}`, expires_in: 60, refresh_token: `${token}+` };
    }),
    revoke: vi.fn(async () => {}),
  };
  const session = createAuthSession({
    store,
    provider: { ...provider, ...overrides },
    workerUrl: async () => workerUrl,
    providerSettings: async () =>
      options.provider === false ? undefined : { ...settings, tokenType: options.tokenType ?? 'access' },
    pastedToken: async () => options.pasted ?? '',
    now: () => now,
  });
  return {
    session,
    store,
    provider,
    signInAs,
    advance: (ms: number) => {
      now += ms;
    },
    setWorkerUrl: (url: string) => {
      workerUrl = url;
    },
  };
}

describe('the sign-in session', () => {
  it('is signed out with nothing stored, and sends a pasted token when there is one', async () => {
    expect(await setup().session.bearer()).toEqual({ kind: 'signed-out' });
    expect(await setup({}, { pasted: ' dev-token ' }).session.bearer()).toEqual({
      kind: 'token',
      token: 'dev-token',
      source: 'pasted',
    });
  });

  it('signs in interactively and sends the access token, or the ID token when the worker wants that', async () => {
    const { session, store, provider } = setup();
    const state = await session.signIn();
    expect(provider.signIn).toHaveBeenCalledWith(settings, 'interactive');
    expect(state).toMatchObject({
      status: 'signed-in',
      workerUrl: SERVER,
      account: { subject: 'rep-1', name: 'Riley Sales' },
    });
    expect(store.snapshot().refreshToken).toBe('refresh-1');
    expect(await session.bearer()).toEqual({ kind: 'token', token: 'interactive-access-1', source: 'sign-in' });

    const id = setup({}, { tokenType: 'id' });
    await id.session.signIn();
    expect(await id.session.bearer()).toEqual({
      kind: 'token',
      token: id.store.snapshot().tokens?.idToken,
      source: 'sign-in',
    });
    expect(id.store.snapshot().tokens?.idToken).toMatch(/^eyJ/);
  });

  it('prefers the signed-in person over a pasted token', async () => {
    const { session } = setup({}, { pasted: 'dev-token' });
    await session.signIn();
    expect(await session.bearer()).toMatchObject({ source: 'sign-in' });
  });

  it('refuses to sign in against a server that offers no sign-in', async () => {
    await expect(setup({}, { provider: false }).session.signIn()).rejects.toBeInstanceOf(SignInUnavailable);
  });

  it('renews with the refresh token before expiry, once for concurrent requests, keeping the rotated token', async () => {
    const { session, store, provider, advance } = setup();
    await session.signIn();
    advance(30_000);
    expect(await session.bearer()).toMatchObject({ token: 'interactive-access-1' });
    expect(provider.refresh).not.toHaveBeenCalled();
    advance(20_000);
    const [first, second] = await Promise.all([session.bearer(), session.bearer()]);
    expect(provider.refresh).toHaveBeenCalledTimes(1);
    expect(provider.refresh).toHaveBeenCalledWith(settings, 'refresh-1');
    expect(first).toEqual(second);
    expect(first).toMatchObject({ kind: 'token', token: 'refreshed-2' });
    expect(store.snapshot().refreshToken).toBe('refresh-1+');
    // The ID token from sign-in stays the person's identity through refreshes that do not repeat it.
    expect(store.snapshot().tokens?.idToken).toBeDefined();
  });

  it('falls back to a silent prompt=none sign-in when the refresh token is refused', async () => {
    const { session, provider, advance } = setup({ refresh: vi.fn(async () => Promise.reject(invalidGrant())) });
    await session.signIn();
    advance(61_000);
    expect(await session.bearer()).toMatchObject({ kind: 'token', token: 'silent-access-2' });
    expect(provider.signIn).toHaveBeenLastCalledWith(settings, 'silent');
  });

  it('asks to sign in again when neither refresh nor the silent flow works, and then stops trying', async () => {
    const { session, store, provider, advance } = setup({
      refresh: vi.fn(async () => Promise.reject(invalidGrant())),
    });
    await session.signIn();
    provider.signIn.mockRejectedValue(new InteractionRequired());
    advance(61_000);
    expect(await session.bearer()).toEqual({ kind: 'sign-in-again' });
    expect(store.snapshot()).toMatchObject({ tokens: null, refreshToken: null, state: { status: 'sign-in-again' } });
    provider.signIn.mockClear();
    expect(await session.bearer()).toEqual({ kind: 'sign-in-again' });
    expect(provider.signIn).not.toHaveBeenCalled();
    // The provider's own "login_required" answer to prompt=none counts the same.
    const second = setup({ refresh: vi.fn(async () => Promise.reject(invalidGrant())) });
    await second.session.signIn();
    second.provider.signIn.mockRejectedValue(
      new oauth.AuthorizationResponseError('login required', {
        cause: new URLSearchParams({ error: 'login_required' }),
      }),
    );
    second.advance(61_000);
    expect(await second.session.bearer()).toEqual({ kind: 'sign-in-again' });
  });

  it('never switches people silently', async () => {
    const { session, provider, advance, signInAs } = setup({
      refresh: vi.fn(async () => Promise.reject(invalidGrant())),
    });
    await session.signIn();
    provider.signIn.mockImplementation(async () => signInAs('someone-else', 'silent'));
    advance(61_000);
    expect(await session.bearer()).toEqual({ kind: 'sign-in-again' });
  });

  it('keeps the sign-in when the provider is unreachable: the token while it lasts, then a retryable state', async () => {
    const { session, store, advance } = setup({
      refresh: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    });
    await session.signIn();
    advance(50_000);
    expect(await session.bearer()).toMatchObject({ kind: 'token', token: 'interactive-access-1' });
    advance(20_000);
    expect(await session.bearer()).toMatchObject({ kind: 'unavailable' });
    expect(store.snapshot().state?.status).toBe('signed-in');
    expect(store.snapshot().refreshToken).toBe('refresh-1');
  });

  it('never sends a sign-in made for one server to another', async () => {
    const { session, setWorkerUrl } = setup({}, { pasted: '' });
    await session.signIn();
    setWorkerUrl('https://attacker.example');
    expect(await session.bearer()).toEqual({ kind: 'signed-out' });
  });

  it('signs out: revokes the refresh and access tokens and forgets everything, even if revocation fails', async () => {
    const revoke = vi.fn(async () => Promise.reject(new TypeError('offline')));
    const { session, store } = setup({ revoke });
    await session.signIn();
    await session.signOut();
    expect(revoke).toHaveBeenCalledWith(settings, 'refresh-1', 'refresh_token');
    expect(revoke).toHaveBeenCalledWith(settings, 'interactive-access-1', 'access_token');
    expect(store.snapshot()).toEqual({ tokens: null, refreshToken: null, state: null });
    expect(await session.bearer()).toEqual({ kind: 'signed-out' });
  });

  it('after a sign-out, asks the provider for credentials again rather than reusing its session, once', async () => {
    const { session, provider } = setup();
    await session.signIn();
    expect(provider.signIn).toHaveBeenLastCalledWith(expect.anything(), 'interactive');
    await session.signOut();
    await session.signIn();
    expect(provider.signIn).toHaveBeenLastCalledWith(expect.anything(), 'login');
    await session.signIn();
    expect(provider.signIn).toHaveBeenLastCalledWith(expect.anything(), 'interactive');
  });

  it('drops an earlier sign-in entirely when someone signs in', async () => {
    const { session, store, provider, signInAs } = setup();
    await session.signIn();
    provider.signIn.mockImplementation(async () => {
      const result = signInAs('agent-2', 'interactive');
      delete result.tokens.refresh_token;
      return result;
    });
    await session.signIn();
    expect(store.snapshot().refreshToken).toBeNull();
    expect(store.snapshot().state?.account.subject).toBe('agent-2');
  });
});
