import { type FormEvent, useEffect, useState } from 'react';
import type { ConversationSummary } from '../../shared/conversations';
import { deleteConversation, listConversations, renameConversation } from '../lib/conversations-api';
import { t } from '../lib/i18n';
import { HistoryIcon, PencilIcon, TrashIcon } from './history-icons';
import { IconButton } from './IconButton';
import { CloseIcon } from './icons';
import './history.css';

interface Props {
  /** The conversation on screen, marked in the list. */
  currentId: string | undefined;
  onOpen: (id: string) => void;
  onDeleted: (id: string) => void;
  onClose: () => void;
}

/** Typing settles for this long before the search asks the server. */
const SEARCH_DELAY_MS = 250;

function when(iso: string): string {
  const date = new Date(iso);
  const today = new Date().toDateString() === date.toDateString();
  return today
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/** The person's stored conversations, newest first: search, open, rename and delete. */
export function HistoryPanel({ currentId, onOpen, onDeleted, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<ConversationSummary[]>([]);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [editing, setEditing] = useState<{ id: string; title: string } | undefined>();
  const [confirming, setConfirming] = useState<string | undefined>();
  // A rename or delete the server did not take: said here, the list and what the person typed stay as they were.
  const [changeFailed, setChangeFailed] = useState(false);
  // Bumped by "Try again" after the list could not be loaded.
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: "Try again" (attempt) loads the list again.
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(
      () => {
        listConversations({ q: query.trim() || undefined, limit: 50 }, controller.signal).then(
          (found) => {
            setItems(found);
            setStatus('ready');
          },
          () => {
            if (!controller.signal.aborted) setStatus('error');
          },
        );
      },
      query ? SEARCH_DELAY_MS : 0,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, attempt]);

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    const title = editing.title.trim();
    if (!title) return;
    setChangeFailed(false);
    try {
      await renameConversation(editing.id, title);
      setItems((list) => list.map((item) => (item.id === editing.id ? { ...item, title } : item)));
      setEditing(undefined);
    } catch {
      setChangeFailed(true);
    }
  };

  const remove = async (id: string) => {
    setChangeFailed(false);
    try {
      await deleteConversation(id);
      setItems((list) => list.filter((item) => item.id !== id));
      setConfirming(undefined);
      onDeleted(id);
    } catch {
      setChangeFailed(true);
    }
  };

  return (
    <section className="history" aria-label={t('history.title')}>
      <div className="history__bar">
        <HistoryIcon />
        <input
          className="history__search"
          type="search"
          value={query}
          placeholder={t('history.search')}
          aria-label={t('history.search')}
          onChange={(event) => setQuery(event.target.value)}
        />
        <IconButton label={t('history.close')} onClick={onClose}>
          <CloseIcon />
        </IconButton>
      </div>
      {status === 'error' && (
        <div className="history__notice" role="alert" data-testid="history-error">
          <p>{t('history.unavailable')}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setStatus('loading');
              setAttempt((count) => count + 1);
            }}
          >
            {t('errors.tryAgain')}
          </button>
        </div>
      )}
      {changeFailed && (
        <p className="history__notice" role="alert">
          {t('history.changeFailed')}
        </p>
      )}
      {status === 'ready' && items.length === 0 && (
        <p className="history__notice muted">{query.trim() ? t('history.noMatch') : t('history.empty')}</p>
      )}
      <ul className="history__list">
        {items.map((item) => (
          <li
            key={item.id}
            className={`history__item${item.id === currentId ? ' history__item--current' : ''}`}
            data-conversation-id={item.id}
          >
            {editing?.id === item.id ? (
              <form className="history__rename" onSubmit={rename}>
                <input
                  // biome-ignore lint/a11y/noAutofocus: the person just asked to rename this title
                  autoFocus
                  maxLength={200}
                  aria-label={t('history.renameLabel')}
                  value={editing.title}
                  onChange={(event) => setEditing({ id: item.id, title: event.target.value })}
                  onKeyDown={(event) => event.key === 'Escape' && setEditing(undefined)}
                />
                <button type="submit" className="history__button history__button--primary">
                  {t('history.save')}
                </button>
                <button type="button" className="history__button" onClick={() => setEditing(undefined)}>
                  {t('history.cancel')}
                </button>
              </form>
            ) : confirming === item.id ? (
              <div className="history__confirm" role="alertdialog" aria-label={t('history.confirmDelete')}>
                <span>{t('history.confirmDelete')}</span>
                <button
                  type="button"
                  className="history__button history__button--danger"
                  onClick={() => remove(item.id)}
                >
                  {t('history.confirm')}
                </button>
                <button type="button" className="history__button" onClick={() => setConfirming(undefined)}>
                  {t('history.cancel')}
                </button>
              </div>
            ) : (
              <>
                <button type="button" className="history__open" onClick={() => onOpen(item.id)}>
                  <span className="history__title">{item.title}</span>
                  <span className="history__meta">
                    {item.id === currentId ? `${t('history.current')} · ` : ''}
                    {item.recordTitle ? `${item.recordTitle} · ` : ''}
                    {when(item.updatedAt)}
                  </span>
                </button>
                <IconButton label={t('history.rename')} onClick={() => setEditing({ id: item.id, title: item.title })}>
                  <PencilIcon />
                </IconButton>
                <IconButton label={t('history.delete')} onClick={() => setConfirming(item.id)}>
                  <TrashIcon />
                </IconButton>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
