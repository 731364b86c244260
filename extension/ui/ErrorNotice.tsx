import { browser } from 'wxt/browser';
import type { FriendlyError } from '../lib/errors';
import './feedback.css';
import { t } from '../lib/i18n';

interface Props {
  error: FriendlyError;
  onRetry: () => void;
  /** When the server offers company sign-in: "Sign in" signs in (and retries) instead of opening Settings. */
  onSignIn?: () => void;
  signingIn?: boolean;
}

/**
 * A failure in words the person can act on: "Try again" whenever asking again can help, and the one other button
 * that helps (sign in, or Settings when the server cannot be reached or its address is refused).
 */
export function ErrorNotice({ error, onRetry, onSignIn, signingIn = false }: Props) {
  const openSettings = (error.action === 'sign-in' && !onSignIn) || error.action === 'settings';
  return (
    <div className="notice notice--error" role="alert" data-testid="error" data-code={error.code}>
      <strong>{error.title}</strong>
      <p>{error.detail}</p>
      <div className="notice__actions">
        {error.retryable && (
          <button type="button" className="button" onClick={onRetry}>
            {t('errors.tryAgain')}
          </button>
        )}
        {error.action === 'sign-in' && onSignIn && (
          <button type="button" className="button" disabled={signingIn} onClick={onSignIn}>
            {signingIn ? t('errors.signingIn') : t('errors.signIn')}
          </button>
        )}
        {openSettings && (
          <button
            type="button"
            className={error.retryable ? 'button button--secondary' : 'button'}
            onClick={() => browser.runtime.openOptionsPage()}
          >
            {t('errors.openSettings')}
          </button>
        )}
      </div>
    </div>
  );
}
