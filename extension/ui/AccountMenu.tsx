import { useEffect, useRef, useState } from 'react';
import type { Auth } from './hooks/useAuth';

function initials(name: string | undefined, email: string | undefined): string {
  const source = name?.trim() || email?.split('@')[0] || '?';
  const parts = source.split(/[\s._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts[1]?.[0] ?? '')).toUpperCase();
}

/** The signed-in person in the panel's header: who they are, which knowledge they can read, and "Sign out". */
export function AccountMenu({ auth }: { auth: Auth }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const { view, me } = auth;

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  if (view.status !== 'signed-in' && view.status !== 'token') return null;
  const name = me?.name ?? (view.status === 'signed-in' ? view.name : undefined);
  const email = me?.email ?? (view.status === 'signed-in' ? view.email : undefined);

  return (
    <div className="account" ref={root}>
      <button
        type="button"
        className="account__button"
        aria-label="Account"
        aria-haspopup="true"
        aria-expanded={open}
        title={name ?? email ?? 'Account'}
        onClick={() => setOpen(!open)}
      >
        {initials(name ?? me?.subject, email)}
      </button>
      {open && (
        <div className="account__menu" role="dialog" aria-label="Account" data-testid="account-menu">
          <p className="account__name">{name ?? (view.status === 'token' ? 'Signed in with a token' : 'Signed in')}</p>
          {email && <p className="account__email muted">{email}</p>}
          {me && (
            <div className="account__spaces">
              <span className="muted">Knowledge you can read</span>
              {me.spaces.length > 0 ? (
                <ul data-testid="account-spaces">
                  {me.spaces.map((space) => (
                    <li key={space} className="tag">
                      {space}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">None yet: ask your administrator for access.</p>
              )}
            </div>
          )}
          {view.status === 'signed-in' && (
            <button
              type="button"
              className="button button--secondary"
              disabled={auth.busy}
              onClick={() => {
                setOpen(false);
                void auth.signOut();
              }}
            >
              Sign out
            </button>
          )}
        </div>
      )}
    </div>
  );
}
