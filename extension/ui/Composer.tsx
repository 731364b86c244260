import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { t } from '../lib/i18n';

interface Props {
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
}

/** Enter sends, Shift+Enter adds a line, Escape stops the answer. */
export function Composer({ busy, onSend, onStop }: Props) {
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || busy) return;
    onSend(trimmed);
    setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && busy) {
      onStop();
    }
  };

  return (
    <form className="composer" onSubmit={submit}>
      <textarea
        ref={input}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={t('panel.composer.placeholder')}
        aria-label={t('panel.composer.label')}
        rows={2}
        maxLength={20_000}
      />
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
        <button type="submit" className="button" disabled={!text.trim()} title={t('panel.composer.sendShortcut')}>
          {t('panel.composer.send')}
        </button>
      )}
    </form>
  );
}
