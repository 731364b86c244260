import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { AssistantSummary } from '../../shared/assistants';
import { t } from '../lib/i18n';
import { AssistantOptions, movedIndex, optionId } from './AssistantOptions';

interface Props {
  assistants: readonly AssistantSummary[];
  current: AssistantSummary;
  onPick: (assistant: AssistantSummary) => void;
}

/** Who answers the next questions: a button naming the assistant, opening the list of those the person may use. */
export function AssistantPicker({ assistants, current, onPick }: Props) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    list.current?.focus();
    const closeOutside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const show = () => {
    setActive(Math.max(0, assistants.indexOf(current)));
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (assistant: AssistantSummary) => {
    onPick(assistant);
    close();
  };

  const onListKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const moved = movedIndex(event.key, active, assistants.length);
    if (moved !== undefined) {
      event.preventDefault();
      setActive(moved);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const assistant = assistants[active];
      if (assistant) choose(assistant);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className="assistant-picker" ref={root}>
      <button
        ref={button}
        type="button"
        className="assistant-picker__button"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-label={t('assistants.picker.label', { name: current.name })}
        title={current.description}
        data-testid="assistant-picker"
        onClick={() => (open ? close() : show())}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            show();
          }
        }}
      >
        <span aria-hidden="true">{current.icon}</span>
        <span className="assistant-picker__name">{current.name}</span>
        <span aria-hidden="true" className="assistant-picker__caret">
          ▾
        </span>
      </button>
      {open && (
        <div className="assistant-popover">
          <AssistantOptions
            id={listId}
            label={t('assistants.picker.list')}
            assistants={assistants}
            active={active}
            selectedId={current.id}
            onChoose={choose}
            onActive={setActive}
            listProps={{
              ref: list,
              tabIndex: -1,
              onKeyDown: onListKey,
              'aria-activedescendant': assistants[active] ? optionId(listId, assistants[active]) : undefined,
            }}
          />
        </div>
      )}
    </div>
  );
}
