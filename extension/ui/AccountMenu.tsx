import { useEffect, useRef, useState } from 'react';
import { t } from '../lib/i18n';
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
        aria-label={t('account.label')}
        aria-haspopup="true"
        aria-expanded={open}
        title={name ?? email ?? t('account.label')}
        onClick={() => setOpen(!open)}
      >
        {initials(name ?? me?.subject, email)}
      </button>
      {open && (
        <div className="account__menu" role="dialog" aria-label={t('account.label')} data-testid="account-menu">
          <p className="account__name">
            {name ?? (view.status === 'token' ? t('account.withToken') : t('account.signedIn'))}
          </p>
          {email && <p className="account__email muted">{email}</p>}
          {me && (
            <div className="account__spaces">
              <span className="muted">{t('account.knowledge')}</span>
              {me.spaces.length > 0 ? (
                <ul data-testid="account-spaces">
                  {me.spaces.map((space) => (
                    <li key={space} className="tag">
                      {space}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('account.noSpaces')}</p>
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
              {t('account.signOut')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
