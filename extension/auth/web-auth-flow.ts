import { browser } from 'wxt/browser';
import { t } from '../lib/i18n';

/** The browser closed the provider's window, or the person cancelled: not an error to shout about. */
export class SignInCancelled extends Error {
  constructor() {
    super('Sign-in was cancelled.');
    this.name = 'SignInCancelled';
  }
}

/** A silent (non-interactive) flow could not finish without showing the provider's page. */
export class InteractionRequired extends Error {
  constructor(message = 'The identity provider needs you to sign in again.') {
    super(message);
    this.name = 'InteractionRequired';
  }
}

interface IdentityApi {
  getRedirectURL(path?: string): string;
  launchWebAuthFlow(details: {
    url: string;
    interactive?: boolean;
    abortOnLoadForNonInteractive?: boolean;
    timeoutMsForNonInteractive?: number;
  }): Promise<string | undefined>;
}

function identity(): IdentityApi {
  // Chrome's `chrome.identity` and Firefox's `browser.identity` have the same two calls (wxt's `browser` is either).
  const api = (browser as unknown as { identity?: IdentityApi }).identity;
  if (!api) throw new Error(t('account.noIdentityApi'));
  return api;
}

/**
 * The redirect URI registered at the provider: `https://<extension-id>.chromiumapp.org/oidc` in Chrome (fixed by
 * the manifest key), `https://<hash>.extensions.allizom.org/oidc` in Firefox.
 */
export function redirectUri(): string {
  return identity().getRedirectURL('oidc');
}

/**
 * Shows the provider's page (interactive) or loads it invisibly (silent renewal with `prompt=none`) and resolves with
 * the URL the provider redirected to.
 */
export async function launchWebAuthFlow(url: string, interactive: boolean): Promise<string> {
  try {
    const redirected = await identity().launchWebAuthFlow({
      url,
      interactive,
      // A silent flow must not hang: the provider redirects at once or not at all.
      ...(interactive ? {} : { timeoutMsForNonInteractive: 10_000 }),
    });
    if (!redirected) throw interactive ? new SignInCancelled() : new InteractionRequired();
    return redirected;
  } catch (error) {
    if (error instanceof SignInCancelled || error instanceof InteractionRequired) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (!interactive) throw new InteractionRequired();
    // Chrome: "The user did not approve access." when the window is closed; Firefox: "User cancelled or denied access."
    if (/did not approve|cancel|denied|closed/i.test(message)) throw new SignInCancelled();
    // Chrome's own reason is English and technical: the log keeps it, the person reads what to do.
    console.warn('[beside] the sign-in page could not be shown', message);
    throw new Error(t('account.pageNotShown'));
  }
}
