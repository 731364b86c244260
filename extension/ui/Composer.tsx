import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { AssistantSummary } from '../../shared/assistants';
import { t } from '../lib/i18n';
import './feedback.css';

/** The longest question the panel sends: long enough for a pasted email thread, short enough to leave the page room. */
export const QUESTION_MAX_CHARS = 20_000;
/** The counter appears once a question passes this share of the limit. */
const COUNTER_FROM = 0.9;

import { useAssistantMention } from './hooks/useAssistantMention';
import { MentionPopup, MentionToken } from './MentionParts';

interface Props {
  busy: boolean;
  /** `mentioned`: the assistant named with `@` for this question only. */
  onSend: (text: string, mentioned?: AssistantSummary) => void;
  onStop: () => void;
  /** The assistants `@` offers (none: no mentions). */
  assistants?: readonly AssistantSummary[];
}

/**
 * Enter sends, Shift+Enter adds a line, Escape stops the answer. Near the limit a counter shows what is left; past
 * it, nothing is cut behind the person's back: the counter says how much is over and Send waits until it fits.
 */
export function Composer({ busy, onSend, onStop, assistants = [] }: Props) {
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const mention = useAssistantMention({ assistants, text, setText, input });
  const length = text.length;
  const over = length - QUESTION_MAX_CHARS;
  const showCount = length >= QUESTION_MAX_CHARS * COUNTER_FROM;

  useEffect(() => {
    input.current?.focus();
  }, []);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || busy || over > 0) return;
    onSend(trimmed, mention.mentioned);
    setText('');
    mention.clear();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (mention.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && busy) {
      onStop();
    }
  };

  const format = (value: number) => value.toLocaleString(globalThis.navigator?.language);
  return (
    <form className="composer" onSubmit={submit}>
      <div className="composer__field">
        {mention.open && <MentionPopup mention={mention} />}
        {mention.mentioned && <MentionToken assistant={mention.mentioned} onRemove={mention.clear} />}
        <textarea
          ref={input}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            mention.onChange(event);
          }}
          onSelect={mention.onSelect}
          onKeyDown={onKeyDown}
          {...mention.comboboxProps}
          placeholder={t('panel.composer.placeholder')}
          aria-label={t('panel.composer.label')}
          aria-invalid={over > 0}
          aria-describedby={showCount ? 'composer-count' : undefined}
          rows={2}
        />
        {showCount && (
          <span
            id="composer-count"
            className={over > 0 ? 'composer__count composer__count--over' : 'composer__count'}
            data-testid="composer-count"
            aria-live="polite"
          >
            {over > 0
              ? t('panel.composer.over', { over: format(over), max: format(QUESTION_MAX_CHARS) })
              : t('panel.composer.left', { left: format(QUESTION_MAX_CHARS - length) })}
          </span>
        )}
      </div>
      {busy ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={onStop}
          title={t('panel.composer.stopShortcut')}
        >
          {t('panel.composer.stop')}
        </button>
      ) : (
        <button
          type="submit"
          className="button"
          disabled={!text.trim() || over > 0}
          title={t('panel.composer.sendShortcut')}
        >
          {t('panel.composer.send')}
        </button>
      )}
    </form>
  );
}
