import { browser } from 'wxt/browser';
import type { Auth } from './hooks/useAuth';

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
      <h2>{again ? 'Sign in again' : 'Sign in to Beside'}</h2>
      <p className="muted">
        {again
          ? `Your sign-in${view.email ? ` as ${view.email}` : ''} has ended. Sign in again to keep asking; your question stays here.`
          : view.canSignIn
            ? 'Use your company account. Beside then answers with the knowledge you are allowed to read.'
            : 'This Beside server has no company sign-in set up. Ask your administrator, or paste a token in Settings.'}
      </p>
      {again || view.canSignIn ? (
        <button type="button" className="button" disabled={auth.busy} onClick={() => void auth.signIn()}>
          {auth.busy ? 'Signing in…' : again ? 'Sign in again' : 'Sign in'}
        </button>
      ) : (
        <button type="button" className="button" onClick={() => browser.runtime.openOptionsPage()}>
          Open Settings
        </button>
      )}
      {auth.problem && (
        <p className="notice notice--error" role="alert">
          {auth.problem}
        </p>
      )}
    </section>
  );
}
