import { browser } from 'wxt/browser';
import { t } from '../lib/i18n';
import { providerSettingsOf, serverConfig } from '../lib/server-config';
import { currentWorkerUrl, tokenSetting } from '../lib/settings';
import { oidcIdentityProvider } from './identity-provider';
import { type AuthReply, isAuthRequest } from './messages';
import { createAuthSession, SignInUnavailable } from './session';
import { extensionTokenStore } from './token-store';
import { SignInCancelled } from './web-auth-flow';

const session = createAuthSession({
  store: extensionTokenStore,
  provider: oidcIdentityProvider,
  workerUrl: currentWorkerUrl,
  providerSettings: async (workerUrl) => providerSettingsOf(await serverConfig(workerUrl)),
  pastedToken: () => tokenSetting.getValue(),
  now: Date.now,
});

async function answer(op: 'sign-in' | 'sign-out' | 'bearer'): Promise<AuthReply> {
  try {
    if (op === 'bearer') return { ok: true, bearer: await session.bearer() };
    if (op === 'sign-out') {
      await session.signOut();
      return { ok: true, state: null };
    }
    return { ok: true, state: await session.signIn() };
  } catch (error) {
    if (error instanceof SignInCancelled) return { ok: false, cancelled: true, message: error.message };
    if (error instanceof SignInUnavailable) return { ok: false, message: error.message };
    console.error('[beside] sign-in failed', error);
    return {
      ok: false,
      message: t('account.signInIncomplete'),
    };
  }
}

/**
 * The background owns the sign-in. Only Beside's own pages may ask (never a content script in a web page): the
 * sender must be this extension, at one of its extension URLs.
 */
export function registerAuthMessages() {
  const ownPages = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isAuthRequest(message)) return undefined;
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(ownPages)) return undefined;
    answer(message.op).then(sendResponse);
    return true;
  });
}
