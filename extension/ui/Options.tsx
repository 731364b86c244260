import { type FormEvent, useEffect, useState } from 'react';
import { checkServerUrl } from '../../shared/server-url';
import { type ConnectionTest, testConnection } from '../lib/connection-test';
import { t } from '../lib/i18n';
import {
  normaliseWorkerUrl,
  type ThemePreference,
  themeSetting,
  tokenSetting,
  workerUrlSetting,
} from '../lib/settings';
import { effectiveTheme, effectiveWorkerUrl } from '../policy/effective-settings';
import { ShortcutSettings } from '../shortcuts/ShortcutSettings';
import { SiteAccessSettings } from '../site-access/SiteAccessSettings';
import { useAuth } from './hooks/useAuth';
import { useManagedPolicy } from './hooks/useManagedPolicy';
import { useStoredValue } from './hooks/useStoredValue';
import { useTheme } from './hooks/useTheme';
import { SignInButton } from './SignInButton';

/** Beside the value an organisation fixed, so the person knows why it cannot be changed and whom to ask. */
function Managed() {
  return (
    <span className="managed" data-testid="managed">
      {t('options.managed')}
    </span>
  );
}

/** The company sign-in: who is signed in, or the button that signs in. */
function Account({ auth }: { auth: ReturnType<typeof useAuth> }) {
  const { view } = auth;
  return (
    <section className="options__account" aria-label={t('account.label')} data-testid="options-account">
      <h2>{t('account.label')}</h2>
      {view.status === 'signed-in' && (
        <p>
          {t('options.signedInAs')} <strong>{view.name ?? view.email}</strong>
          {view.name && view.email ? ` (${view.email})` : ''}.
        </p>
      )}
      {view.status === 'sign-in-again' && <p>{t('options.ended')}</p>}
      {view.status === 'token' && <p>{t('options.usingToken')}</p>}
      {view.status === 'signed-out' && (
        <p className="muted">{auth.canSignIn ? t('options.notSignedIn') : t('options.noCompanySignIn')}</p>
      )}
      {auth.me && (
        <p className="muted">{t('options.knowledge', { spaces: auth.me.spaces.join(', ') || t('options.noneYet') })}</p>
      )}
      {view.status === 'signed-in' ? (
        <button type="button" className="button button--secondary" disabled={auth.busy} onClick={auth.signOut}>
          {t('account.signOut')}
        </button>
      ) : (
        auth.canSignIn && <SignInButton auth={auth} again={view.status === 'sign-in-again'} />
      )}
    </section>
  );
}

type Check = { state: 'idle' | 'checking' } | { state: 'ok' | 'warning' | 'error'; text: string };

/** The connection test in words: reached or not, and whether the server accepts the sign-in, as whom. */
function checkOf(test: ConnectionTest, url: string): Check {
  switch (test.kind) {
    case 'unreachable':
      return { state: 'error', text: t('options.unreachable', { url }) };
    case 'misconfigured':
      return { state: 'error', text: t('options.misconfigured', { version: test.version }) };
    case 'refused':
      return { state: 'error', text: t('options.refused', { version: test.version }) };
    case 'no-sign-in':
      return { state: 'warning', text: t('options.noSignIn', { version: test.version }) };
    case 'ok': {
      const who =
        test.me.name && test.me.email ? `${test.me.name} (${test.me.email})` : (test.me.name ?? test.me.email);
      return { state: 'ok', text: t('options.connectedAs', { version: test.version, who: who ?? test.me.subject }) };
    }
  }
}

/** The account, where the Beside server is, the theme, and (under Advanced) a pasted token. */
export function Options() {
  useTheme();
  const auth = useAuth();
  const policy = useManagedPolicy();
  const [storedUrl, saveUrl] = useStoredValue(workerUrlSetting);
  const [storedToken, saveToken] = useStoredValue(tokenSetting);
  const [theme, saveTheme] = useStoredValue(themeSetting);
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const [saved, setSaved] = useState(false);

  const server = effectiveWorkerUrl(storedUrl ?? null, policy);
  const themeLocked = policy.locked.has('theme');
  const shownTheme = effectiveTheme(theme === 'system' ? null : (theme ?? null), policy).value;
  useEffect(() => setUrl(server.value), [server.value]);
  useEffect(() => setToken(storedToken ?? ''), [storedToken]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    // The token goes to this address: refused unless https://, or http:// to this computer.
    const checked = checkServerUrl(url);
    if (!checked.ok) {
      setCheck({ state: 'error', text: checked.message });
      return;
    }
    const normalised = normaliseWorkerUrl(checked.url.href);
    if (!server.locked) await saveUrl(normalised);
    await saveToken(token.trim());
    setSaved(true);
    setCheck({ state: 'checking' });
    setCheck(checkOf(await testConnection(normalised), normalised));
  };

  return (
    <main className="options">
      <h1>{t('options.title')}</h1>
      <Account auth={auth} />
      <form onSubmit={save} className="options__form">
        <label>
          <span>
            {t('options.server')} {server.locked && <Managed />}
          </span>
          <input
            type="url"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            placeholder="https://beside.example.com"
            readOnly={server.locked}
            required
          />
        </label>
        <fieldset disabled={themeLocked}>
          <legend>
            {t('options.theme')} {themeLocked && <Managed />}
          </legend>
          {(['system', 'light', 'dark'] as ThemePreference[]).map((option) => (
            <label key={option} className="radio">
              <input type="radio" name="theme" checked={shownTheme === option} onChange={() => saveTheme(option)} />
              {option === 'system'
                ? t('options.themeSystem')
                : option === 'light'
                  ? t('options.themeLight')
                  : t('options.themeDark')}
            </label>
          ))}
        </fieldset>
        <details className="options__advanced">
          <summary>{t('options.advanced')}</summary>
          <label>
            {t('options.token')}
            <input
              type="password"
              value={token}
              onChange={(event) => setToken(event.target.value)}
              placeholder={t('options.tokenPlaceholder')}
              autoComplete="off"
            />
          </label>
          <p className="muted">{t('options.tokenHint')}</p>
        </details>
        <button type="submit" className="button">
          {t('options.save')}
        </button>
      </form>
      <p
        role="status"
        className={`notice ${check.state === 'error' ? 'notice--error' : ''}`}
        hidden={check.state === 'idle'}
        data-testid="connection-test"
        data-state={check.state}
      >
        {saved && check.state === 'checking' ? t('options.checking') : 'text' in check ? check.text : ''}
      </p>
      <SiteAccessSettings />
      <ShortcutSettings />
    </main>
  );
}
