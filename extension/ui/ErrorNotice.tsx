import { browser } from 'wxt/browser';
import type { FriendlyError } from '../lib/errors';

/** A failure in words the person can act on, with the one button that helps. */
export function ErrorNotice({ error, onRetry }: { error: FriendlyError; onRetry: () => void }) {
  return (
    <div className="notice notice--error" role="alert" data-testid="error" data-code={error.code}>
      <strong>{error.title}</strong>
      <p>{error.detail}</p>
      {error.action === 'retry' && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
      {(error.action === 'sign-in' || error.action === 'settings') && (
        <button type="button" className="button" onClick={() => browser.runtime.openOptionsPage()}>
          Open Settings
        </button>
      )}
    </div>
  );
}
