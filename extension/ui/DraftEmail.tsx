import { useChat } from '@ai-sdk/react';
import type { UIMessage } from 'ai';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type ActionOptions, defaultActionOptions } from '../../shared/actions';
import { parseEmailDraft, placeholdersIn } from '../../shared/email-draft';
import { draftOptionsSetting } from '../actions/draft-options';
import { fallbackSubject, recipientEmail } from '../actions/recipient';
import { createChatTransport, type StoredConversation } from '../lib/chat-transport';
import { friendlyError } from '../lib/errors';
import { t } from '../lib/i18n';
import { citedAndSearched, sourcesOf } from './citation-sources';
import { DraftControls } from './DraftControls';
import { DraftDelivery } from './DraftDelivery';
import { ErrorNotice } from './ErrorNotice';
import { FeedbackBar } from './FeedbackBar';
import type { DraftRequest } from './hooks/useQuickActions';
import { useStoredValue } from './hooks/useStoredValue';
import { Sources } from './Sources';
import { StoppedNote } from './StoppedNote';

function answerText(messages: UIMessage[]): string {
  const answer = messages.filter((message) => message.role === 'assistant').at(-1);
  return (answer?.parts ?? []).map((part) => (part.type === 'text' ? part.text : '')).join('');
}

/** The passages the draft cites; the others the worker searched stay folded under "Also searched". */
function groundingOf(messages: UIMessage[], text: string) {
  const answer = messages.filter((message) => message.role === 'assistant').at(-1);
  return answer ? citedAndSearched(text, sourcesOf(answer)) : { cited: [], searched: [] };
}

interface Props {
  request: DraftRequest;
  workerUrl: string | undefined;
  /** The record's stored conversation: each draft is kept in it as a turn, so reopening the record shows it. */
  conversation?: StoredConversation;
  onClose: () => void;
}

/**
 * The draft view of an email or ticket reply: streams the draft, then lets the person change tone, length and
 * language and regenerate, edit subject and body in place, and deliver it. Its own useChat, apart from the
 * conversation on screen (a draft is regenerated, not continued), but stored in the record's conversation.
 */
export function DraftEmail({ request, workerUrl, conversation, onClose }: Props) {
  const { action, page } = request;
  const isEmail = action.output === 'email';
  const transport = useMemo(() => createChatTransport('/v1/chat', conversation), [conversation]);
  const chat = useChat({ id: `draft-${request.key}`, transport });
  const [storedOptions, storeOptions] = useStoredValue(draftOptionsSetting);
  const [options, setOptions] = useState<ActionOptions>();
  const [edited, setEdited] = useState<{ subject: string; body: string }>();
  const [to, setTo] = useState(() => recipientEmail(page) ?? '');
  const [note, setNote] = useState('');
  const [stopped, setStopped] = useState(false);
  const started = useRef(false);

  const busy = chat.status === 'submitted' || chat.status === 'streaming';
  const draftMessage = chat.messages.filter((message) => message.role === 'assistant').at(-1);
  const current = options ?? storedOptions;

  const generate = useCallback(
    (chosen: ActionOptions, guidance: string) => {
      setEdited(undefined);
      setStopped(false);
      chat.clearError();
      chat.setMessages([]);
      void chat.sendMessage(
        { text: guidance.trim() || action.request(page) },
        {
          body: {
            action: action.id,
            page,
            options: chosen,
            ...(action.assistantId ? { assistantId: action.assistantId } : {}),
          },
        },
      );
    },
    [chat.clearError, chat.setMessages, chat.sendMessage, action, page],
  );

  // The click that opened the view is the request: start as soon as the saved options are known.
  useEffect(() => {
    if (started.current || storedOptions === undefined) return;
    started.current = true;
    generate(storedOptions ?? defaultActionOptions, '');
  }, [storedOptions, generate]);

  const regenerate = () => {
    const chosen = current ?? defaultActionOptions;
    void storeOptions(chosen);
    generate(chosen, note);
  };

  const streamed = answerText(chat.messages);
  const parsed = isEmail ? parseEmailDraft(streamed) : { subject: '', body: streamed.trim(), hasSubject: false };
  const finished = !busy && streamed.length > 0;
  const subject =
    edited?.subject ?? (parsed.hasSubject || !finished || !isEmail ? parsed.subject : fallbackSubject(page));
  const body = edited?.body ?? parsed.body;
  const placeholders = [...new Set(placeholdersIn(`${subject}\n${body}`))];
  const grounding = groundingOf(chat.messages, streamed);
  const error = friendlyError(chat.error, workerUrl);
  // For the person (and tests): "ready" only once a draft has arrived, not in the moment before the request.
  const phase =
    chat.status === 'ready' && !chat.messages.some((message) => message.role === 'assistant')
      ? 'starting'
      : chat.status;
  const edit = (change: Partial<{ subject: string; body: string }>) => setEdited({ subject, body, ...change });

  return (
    <section className="draft" data-testid="draft" data-status={phase} aria-label={action.label}>
      <header className="draft__header">
        <h2>
          <span aria-hidden="true">{action.icon}</span> {action.label}
        </h2>
        <button
          type="button"
          className="icon-button"
          onClick={onClose}
          aria-label={t('draft.close')}
          title={t('draft.closeTitle')}
        >
          ×
        </button>
      </header>

      {current && <DraftControls options={current} disabled={busy} onChange={setOptions} />}

      {isEmail && (
        <>
          <label className="draft__field">
            <span className="draft__label">{t('draft.to')}</span>
            <input
              type="email"
              value={to}
              onChange={(event) => setTo(event.target.value)}
              placeholder={t('draft.toPlaceholder')}
            />
          </label>
          <label className="draft__field">
            <span className="draft__label">{t('draft.subject')}</span>
            <input
              data-testid="draft-subject"
              value={subject}
              readOnly={busy}
              onChange={(event) => edit({ subject: event.target.value })}
            />
          </label>
        </>
      )}
      <label className="draft__field draft__field--body">
        <span className="draft__label">{isEmail ? t('draft.body') : t('draft.reply')}</span>
        <textarea
          data-testid="draft-body"
          value={body}
          readOnly={busy}
          rows={12}
          onChange={(event) => edit({ body: event.target.value })}
          placeholder={busy ? t('draft.writing') : ''}
        />
      </label>
      {busy && (
        <p className="muted draft__progress" role="status">
          <span className="spinner" aria-hidden="true" /> {t('draft.writingDraft')}
        </p>
      )}
      {stopped && !busy && <StoppedNote draft />}
      {finished && placeholders.length > 0 && (
        <p className="draft__warning" data-testid="draft-placeholders">
          {t('draft.fillIn', { placeholders: placeholders.join(', ') })}
        </p>
      )}
      {/* Delivery right under the draft it delivers: the outcome of a click shows beside its button, in view. */}
      <DraftDelivery
        kind={isEmail ? 'email' : 'reply'}
        to={to}
        subject={subject}
        body={body}
        target={request.target}
        disabled={busy}
      />

      {grounding.cited.length + grounding.searched.length > 0 && (
        <div className="draft__sources" data-testid="draft-sources">
          {grounding.cited.length > 0 && <span className="draft__label">{t('draft.groundedIn')}</span>}
          <Sources cited={grounding.cited} searched={grounding.searched} />
        </div>
      )}
      {error && <ErrorNotice error={error} onRetry={regenerate} />}

      <div className="draft__regenerate">
        <textarea
          aria-label={t('draft.guidanceLabel')}
          placeholder={t('draft.guidancePlaceholder')}
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          onKeyDown={(event) => {
            // Enter regenerates, Shift+Enter adds a line: the same keys as the question box.
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing && !busy) {
              event.preventDefault();
              regenerate();
            }
          }}
        />
        {busy ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setStopped(true);
              void chat.stop();
            }}
          >
            {t('draft.stop')}
          </button>
        ) : (
          <button type="button" className="button button--secondary" onClick={regenerate}>
            {t('draft.regenerate')}
          </button>
        )}
      </div>

      {!busy && draftMessage && (
        <FeedbackBar
          key={draftMessage.id}
          messageId={draftMessage.id}
          kind="draft"
          action={action.id}
          excerpt={answerText(chat.messages)}
        />
      )}
    </section>
  );
}
