import type { HTMLAttributes, Ref } from 'react';
import type { AssistantSummary } from '../../shared/assistants';
import './assistants.css';

export const optionId = (listId: string, assistant: AssistantSummary) => `${listId}-${assistant.id}`;

interface Props {
  id: string;
  label: string;
  assistants: readonly AssistantSummary[];
  /** The option the arrow keys are on (aria-activedescendant of whoever owns the focus). */
  active: number;
  /** The assistant in use, marked as selected. */
  selectedId?: string | undefined;
  onChoose: (assistant: AssistantSummary) => void;
  onActive: (index: number) => void;
  /** For the picker, whose list itself takes the focus and the keys. */
  listProps?: HTMLAttributes<HTMLDivElement> & { ref?: Ref<HTMLDivElement> };
}

/**
 * The assistants as a listbox: shared by the picker and the @mention popup. Focus stays with the element that
 * opened it (the picker's list or the composer), which moves the active option with the arrow keys.
 */
export function AssistantOptions({ id, label, assistants, active, selectedId, onChoose, onActive, listProps }: Props) {
  return (
    <div className="assistant-options" id={id} role="listbox" aria-label={label} {...listProps}>
      {assistants.map((assistant, index) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works through the owner's aria-activedescendant.
        <div
          key={assistant.id}
          id={optionId(id, assistant)}
          role="option"
          tabIndex={-1}
          aria-selected={assistant.id === selectedId}
          data-assistant={assistant.id}
          className={`assistant-option${index === active ? ' assistant-option--active' : ''}`}
          // Keeps the focus (and the caret) where it is while clicking.
          onMouseDown={(event) => event.preventDefault()}
          onMouseMove={() => index !== active && onActive(index)}
          onClick={() => onChoose(assistant)}
        >
          <span className="assistant-option__icon" aria-hidden="true">
            {assistant.icon}
          </span>
          <span className="assistant-option__text">
            <span className="assistant-option__name">{assistant.name}</span>
            <span className="assistant-option__description">{assistant.description}</span>
          </span>
        </div>
      ))}
    </div>
  );
}

/** Arrow keys, Home and End over a list of `count` options; undefined for any other key. */
export function movedIndex(key: string, active: number, count: number): number | undefined {
  if (count === 0) return undefined;
  if (key === 'ArrowDown') return (active + 1) % count;
  if (key === 'ArrowUp') return (active - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}
