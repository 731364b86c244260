import { useCallback, useEffect, useState } from 'react';
import { AdminSession } from '../shared/admin';
import type { ServerConfig } from '../shared/config';
import { ApiProblem, getJson } from './api';
import { currentToken, finishSignIn, keepToken, serverConfig, signOut, startSignIn, takeFreshSignIn } from './auth';
import { AssistantsPage } from './pages/Assistants';
import { AuditPage } from './pages/Audit';
import { FeedbackPage } from './pages/Feedback';
import { KnowledgePage } from './pages/Knowledge';
import { OverviewPage } from './pages/Overview';
import { UsageExportPage } from './pages/UsageExport';

const PAGES = [
  { id: 'overview', title: 'Overview' },
  { id: 'assistants', title: 'Assistants' },
  { id: 'knowledge', title: 'Knowledge' },
  { id: 'feedback', title: 'Feedback' },
  { id: 'audit', title: 'Audit' },
  { id: 'export', title: 'Usage export' },
] as const;
type PageId = (typeof PAGES)[number]['id'];

type Gate =
  | { state: 'checking' }
  | { state: 'signed-out'; config?: ServerConfig; error?: string }
  | { state: 'refused'; detail: string }
  | { state: 'admin'; session: AdminSession };

function pageFromHash(): PageId {
  const id = location.hash.replace(/^#\/?/, '');
  return PAGES.find((page) => page.id === id)?.id ?? 'overview';
}

export function App() {
  const [gate, setGate] = useState<Gate>({ state: 'checking' });
  const [page, setPage] = useState<PageId>(pageFromHash);

  const check = useCallback(async () => {
    let config: ServerConfig | undefined;
    try {
      config = await serverConfig();
      await finishSignIn(config);
    } catch (error) {
      setGate({ state: 'signed-out', config, error: (error as Error).message });
      return;
    }
    if (!(await currentToken())) return setGate({ state: 'signed-out', config });
    try {
      // A sign-in completed just now is announced (POST), so the worker audits each one; a reload only asks (GET).
      const via = takeFreshSignIn();
      const session = via
        ? await getJson(`/v1/admin/session?via=${via}`, AdminSession, { method: 'POST' })
        : await getJson('/v1/admin/session', AdminSession);
      setGate({ state: 'admin', session });
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 403)
        return setGate({ state: 'refused', detail: error.message });
      signOut();
      setGate({
        state: 'signed-out',
        config,
        error:
          error instanceof ApiProblem && error.status === 401
            ? 'Your sign-in was not accepted or has expired.'
            : (error as Error).message,
      });
    }
  }, []);

  useEffect(() => {
    void check();
    const onHash = () => setPage(pageFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, [check]);

  const leave = () => {
    signOut();
    void check();
  };

  if (gate.state === 'checking') return <p className="centered muted">Checking your sign-in…</p>;
  if (gate.state === 'signed-out') return <SignIn gate={gate} onToken={check} />;
  if (gate.state === 'refused') {
    return (
      <div className="centered stack" data-testid="refused">
        <h1>This console is for administrators</h1>
        <p>
          You are signed in, but your account is not an administrator of Beside, so usage, feedback and audit data stay
          hidden. If you need access, ask IT to add you to one of the administrator groups (ADMIN_GROUPS).
        </p>
        <p className="muted">{gate.detail}</p>
        <button type="button" onClick={leave}>
          Sign in as someone else
        </button>
      </div>
    );
  }

  const { session } = gate;
  return (
    <div className="layout">
      <nav className="nav" aria-label="Console">
        <h1>Beside admin</h1>
        {PAGES.map((entry) => (
          <a key={entry.id} href={`#/${entry.id}`} aria-current={entry.id === page ? 'page' : undefined}>
            {entry.title}
          </a>
        ))}
        <div className="who">
          Signed in as {session.name ?? session.email ?? session.subject}
          <br />
          <button type="button" onClick={leave} style={{ marginTop: 8 }}>
            Sign out
          </button>
        </div>
      </nav>
      <main>
        {page === 'overview' ? <OverviewPage today={session.today} /> : null}
        {page === 'assistants' ? <AssistantsPage today={session.today} /> : null}
        {page === 'knowledge' ? <KnowledgePage today={session.today} /> : null}
        {page === 'feedback' ? <FeedbackPage /> : null}
        {page === 'audit' ? <AuditPage /> : null}
        {page === 'export' ? <UsageExportPage today={session.today} /> : null}
      </main>
    </div>
  );
}

function SignIn({ gate, onToken }: { gate: Extract<Gate, { state: 'signed-out' }>; onToken: () => void }) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(gate.error);
  const oidc = gate.config?.auth.mode === 'oidc';
  return (
    <div className="centered stack">
      <h1>Beside admin console</h1>
      <p>Sign in with your company account. Only administrators can open the console.</p>
      {oidc ? (
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            startSignIn(gate.config as ServerConfig, 'login').catch((reason: unknown) => {
              setBusy(false);
              setError((reason as Error).message);
            });
          }}
        >
          Sign in
        </button>
      ) : null}
      <details open={!oidc}>
        <summary>{oidc ? 'Use a token instead' : 'Sign in with a token'}</summary>
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            keepToken(token);
            onToken();
          }}
        >
          <label className="field">
            Token (the development token in development)
            <input
              type="password"
              aria-label="Token"
              value={token}
              onChange={(event) => setToken(event.target.value)}
              autoComplete="off"
            />
          </label>
          <button type="submit">Continue</button>
        </form>
      </details>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
