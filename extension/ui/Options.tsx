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
import { useStoredValue } from './hooks/useStoredValue';
import { useTheme } from './hooks/useTheme';

type Check = { state: 'idle' | 'checking' } | { state: 'ok'; text: string } | { state: 'error'; text: string };

/** Where the Beside server is, the sign-in token, and the theme. */
export function Options() {
  useTheme();
  const [storedUrl, saveUrl] = useStoredValue(workerUrlSetting);
  const [storedToken, saveToken] = useStoredValue(tokenSetting);
  const [theme, saveTheme] = useStoredValue(themeSetting);
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const [saved, setSaved] = useState(false);

  useEffect(() => setUrl(storedUrl ?? ''), [storedUrl]);
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
    await saveUrl(normalised);
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
      <form onSubmit={save} className="options__form">
        <label>
          Server address
          <input
            type="url"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            placeholder="http://127.0.0.1:8787"
            required
          />
        </label>
        <label>
          Sign-in token
          <input
            type="password"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            placeholder="Paste your token (the DEV_TOKEN from .dev.vars in development)"
            autoComplete="off"
          />
        </label>
        <fieldset>
          <legend>Theme</legend>
          {(['system', 'light', 'dark'] as ThemePreference[]).map((option) => (
            <label key={option} className="radio">
              <input
                type="radio"
                name="theme"
                checked={(theme ?? 'system') === option}
                onChange={() => saveTheme(option)}
              />
              {option === 'system' ? 'Follow the system' : option === 'light' ? 'Light' : 'Dark'}
            </label>
          ))}
        </fieldset>
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
