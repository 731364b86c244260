import { browser } from 'wxt/browser';
import { t } from '../lib/i18n';
import type { Auth } from './hooks/useAuth';
import { SignInButton } from './SignInButton';

/**
 * Shown instead of the conversation when nobody is signed in, or when the sign-in ended: one button, the company's
 * own sign-in page, nothing to configure.
 */
export function SignInCard({ auth }: { auth: Auth }) {
  const { view } = auth;
  if (view.status !== 'signed-out' && view.status !== 'sign-in-again') return null;
  const again = view.status === 'sign-in-again';
  return (
    <section className="sign-in" data-testid="sign-in" data-status={view.status}>
      <h2>{again ? t('account.signInAgain') : t('account.signInTitle')}</h2>
      <p className="muted">
        {again
          ? view.email
            ? t('account.endedAs', { email: view.email })
            : t('account.ended')
          : view.canSignIn
            ? t('account.useCompanyAccount')
            : t('account.noCompanySignIn')}
      </p>
      {again || view.canSignIn ? (
        <SignInButton auth={auth} again={again} />
      ) : (
        <button type="button" className="button" onClick={() => browser.runtime.openOptionsPage()}>
          {t('errors.openSettings')}
        </button>
      )}
    </section>
  );
}
