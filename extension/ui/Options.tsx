import { type FormEvent, useEffect, useState } from 'react';
import { HealthResponse } from '../../shared/health';
import { checkServerUrl } from '../../shared/server-url';
import {
  normaliseWorkerUrl,
  type ThemePreference,
  themeSetting,
  tokenSetting,
  workerUrlSetting,
} from '../lib/settings';
import { effectiveTheme, effectiveWorkerUrl } from '../policy/effective-settings';
import { useAuth } from './hooks/useAuth';
import { useManagedPolicy } from './hooks/useManagedPolicy';
import { useStoredValue } from './hooks/useStoredValue';
import { useTheme } from './hooks/useTheme';

/** Beside the value an organisation fixed, so the person knows why it cannot be changed and whom to ask. */
function Managed() {
  return (
    <span className="managed" data-testid="managed">
      Managed by your organisation
    </span>
  );
}

/** The company sign-in: who is signed in, or the button that signs in. */
function Account({ auth }: { auth: ReturnType<typeof useAuth> }) {
  const { view } = auth;
  return (
    <section className="options__account" aria-label="Account" data-testid="options-account">
      <h2>Account</h2>
      {view.status === 'signed-in' && (
        <p>
          Signed in as <strong>{view.name ?? view.email}</strong>
          {view.name && view.email ? ` (${view.email})` : ''}.
        </p>
      )}
      {view.status === 'sign-in-again' && <p>Your sign-in has ended.</p>}
      {view.status === 'token' && <p>Using the token pasted under Advanced.</p>}
      {view.status === 'signed-out' && (
        <p className="muted">
          {auth.canSignIn ? 'Not signed in.' : 'This server has no company sign-in; paste a token under Advanced.'}
        </p>
      )}
      {auth.me && <p className="muted">Knowledge you can read: {auth.me.spaces.join(', ') || 'none yet'}.</p>}
      {view.status === 'signed-in' ? (
        <button type="button" className="button button--secondary" disabled={auth.busy} onClick={auth.signOut}>
          Sign out
        </button>
      ) : (
        auth.canSignIn && (
          <button type="button" className="button" disabled={auth.busy} onClick={() => void auth.signIn()}>
            {view.status === 'sign-in-again' ? 'Sign in again' : 'Sign in'}
          </button>
        )
      )}
      {auth.problem && (
        <p className="notice notice--error" role="alert">
          {auth.problem}
        </p>
      )}
    </section>
  );
}

type Check = { state: 'idle' | 'checking' } | { state: 'ok'; text: string } | { state: 'error'; text: string };

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
    try {
      const response = await fetch(`${normalised}/v1/health`);
      const health = HealthResponse.parse(await response.json());
      setCheck(
        health.status === 'ok'
          ? { state: 'ok', text: `Connected to Beside ${health.version}.` }
          : { state: 'error', text: `Beside ${health.version} is misconfigured: tell your administrator.` },
      );
    } catch {
      setCheck({ state: 'error', text: `Could not reach a Beside server at ${normalised}.` });
    }
  };

  return (
    <main className="options">
      <h1>Beside settings</h1>
      <Account auth={auth} />
      <form onSubmit={save} className="options__form">
        <label>
          <span>Server address {server.locked && <Managed />}</span>
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
          <legend>Theme {themeLocked && <Managed />}</legend>
          {(['system', 'light', 'dark'] as ThemePreference[]).map((option) => (
            <label key={option} className="radio">
              <input type="radio" name="theme" checked={shownTheme === option} onChange={() => saveTheme(option)} />
              {option === 'system' ? 'Follow the system' : option === 'light' ? 'Light' : 'Dark'}
            </label>
          ))}
        </fieldset>
        <details className="options__advanced">
          <summary>Advanced</summary>
          <label>
            Sign-in token
            <input
              type="password"
              value={token}
              onChange={(event) => setToken(event.target.value)}
              placeholder="Paste a token (the DEV_TOKEN from .dev.vars in development)"
              autoComplete="off"
            />
          </label>
          <p className="muted">Only needed when your server has no company sign-in. Signing in takes precedence.</p>
        </details>
        <button type="submit" className="button">
          Save and test connection
        </button>
      </form>
      <p
        role="status"
        className={`notice ${check.state === 'error' ? 'notice--error' : ''}`}
        hidden={check.state === 'idle'}
      >
        {saved && check.state === 'checking' ? 'Saved. Checking the server…' : 'text' in check ? check.text : ''}
      </p>
    </main>
  );
}
