import { t } from '../lib/i18n';
import type { Auth } from './hooks/useAuth';

/**
 * "Sign in" (or "Sign in again" once a sign-in ended) and, under it, why the last attempt failed, in the person's
 * language. The panel's sign-in card and the options page both use it, so they say the same thing.
 */
export function SignInButton({ auth, again }: { auth: Auth; again: boolean }) {
  return (
    <>
      <button type="button" className="button" disabled={auth.busy} onClick={() => void auth.signIn()}>
        {auth.busy ? t('errors.signingIn') : again ? t('account.signInAgain') : t('errors.signIn')}
      </button>
      {auth.problem && (
        <p className="notice notice--error" role="alert" data-testid="sign-in-problem">
          {auth.problem}
        </p>
      )}
    </>
  );
}
