import { browser } from 'wxt/browser';
import type { FriendlyError } from '../lib/errors';
import { t } from '../lib/i18n';

interface Props {
  error: FriendlyError;
  onRetry: () => void;
  /** When the server offers company sign-in: "Sign in" signs in (and retries) instead of opening Settings. */
  onSignIn?: () => void;
  signingIn?: boolean;
}

/** A failure in words the person can act on, with the one button that helps. */
export function ErrorNotice({ error, onRetry, onSignIn, signingIn = false }: Props) {
  return (
    <div className="notice notice--error" role="alert" data-testid="error" data-code={error.code}>
      <strong>{error.title}</strong>
      <p>{error.detail}</p>
      {error.action === 'retry' && (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.tryAgain')}
        </button>
      )}
      {error.action === 'sign-in' && onSignIn && (
        <button type="button" className="button" disabled={signingIn} onClick={onSignIn}>
          {signingIn ? t('errors.signingIn') : t('errors.signIn')}
        </button>
      )}
      {((error.action === 'sign-in' && !onSignIn) || error.action === 'settings') && (
        <button type="button" className="button" onClick={() => browser.runtime.openOptionsPage()}>
          {t('errors.openSettings')}
        </button>
      )}
    </div>
  );
}
