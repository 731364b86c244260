import { useEffect, useRef, useState } from 'react';
import './feedback.css';
import { formatEmail, withoutCitations } from '../../shared/email-draft';
import { insertIntoPage } from '../actions/insert-into-page';
import { gmailComposeUrl, mailtoUrl, outlookComposeUrl } from '../actions/mail-links';
import type { DraftTarget } from '../insert/target';
import { t } from '../lib/i18n';
import { useFeatures } from './hooks/useFeatures';

interface Props {
  /** An email has a subject and mail-client links; a ticket reply only goes into the page or the clipboard. */
  kind: 'email' | 'reply';
  to: string;
  subject: string;
  body: string;
  /** The tab the draft was written for; Insert goes there or nowhere. */
  target: DraftTarget | undefined;
  disabled: boolean;
}

/** Where the draft goes: the clipboard, a mail client, or the page's own reply box — always on a click. */
export function DraftDelivery({ kind, to, subject, body, target, disabled }: Props) {
  const features = useFeatures();
  // The outcome shows on the row of the button that caused it, where the eye already is (never further down).
  const [status, setStatus] = useState<{ ok: boolean; text: string; from: 'insert' | 'copy' }>();
  const statusLine = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (status) statusLine.current?.scrollIntoView({ block: 'nearest' });
  }, [status]);
  // Citation markers are for the person checking the draft, not for the recipient.
  const clean = withoutCitations(body);
  const mail = { ...(to ? { to } : {}), subject, body: clean };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(kind === 'email' ? formatEmail({ subject, body: clean }) : clean);
      setStatus({ ok: true, from: 'copy', text: kind === 'email' ? t('draft.copiedEmail') : t('draft.copiedReply') });
    } catch {
      setStatus({ ok: false, from: 'copy', text: t('draft.copyFailed') });
    }
  };

  const insert = async () => {
    setStatus(undefined);
    const result = await insertIntoPage({ ...(kind === 'email' && subject ? { subject } : {}), body: clean }, target);
    setStatus(
      result.ok
        ? {
            ok: true,
            from: 'insert',
            text: t(result.subject ? 'draft.insertedWithSubject' : 'draft.inserted', { place: result.label }),
          }
        : { ok: false, from: 'insert', text: result.message },
    );
  };

  const outcome = status && (
    <span
      ref={statusLine}
      className={status.ok ? 'draft__status' : 'draft__status draft__status--error'}
      role="status"
      data-testid="draft-status"
      data-from={status.from}
    >
      {status.text}
    </span>
  );

  return (
    <div className="draft__delivery">
      <div className="draft__buttons">
        {/* Off when the organisation turned off inserting drafts (DISABLED_FEATURES=insert-drafts): copy only. */}
        {features.insertDrafts && (
          <button type="button" className="button" disabled={disabled || !clean.trim()} onClick={() => void insert()}>
            {t('draft.insert')}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          disabled={disabled || !clean.trim()}
          onClick={() => void copy()}
        >
          {t('draft.copy')}
        </button>
        {outcome}
      </div>
      {kind === 'email' && (
        <div className="draft__links">
          <span className="muted">{t('draft.openIn')}</span>
          <a href={gmailComposeUrl(mail)} target="_blank" rel="noopener noreferrer" aria-disabled={disabled}>
            Gmail
          </a>
          <a href={outlookComposeUrl(mail)} target="_blank" rel="noopener noreferrer" aria-disabled={disabled}>
            Outlook
          </a>
          <a href={mailtoUrl(mail)} aria-disabled={disabled}>
            {t('draft.mailApp')}
          </a>
        </div>
      )}
    </div>
  );
}
