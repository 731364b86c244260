import {
  type ChangeEvent,
  type KeyboardEvent,
  type RefObject,
  type SyntheticEvent,
  useCallback,
  useId,
  useMemo,
  useState,
} from 'react';
import type { AssistantSummary } from '../../../shared/assistants';
import { type MentionQuery, mentionAt, mentionCandidates, withoutMention } from '../../assistants/mention';
import { movedIndex, optionId } from '../AssistantOptions';

interface Options {
  assistants: readonly AssistantSummary[];
  text: string;
  setText: (text: string) => void;
  input: RefObject<HTMLTextAreaElement | null>;
}

/**
 * `@` in the composer: offers the assistants (filtered as the person types, arrows / Enter / Escape), and the one
 * chosen answers the next question only, shown as a removable token. The composer stays the focus throughout
 * (a combobox whose list is the assistants).
 */
export function useAssistantMention({ assistants, text, setText, input }: Options) {
  const [query, setQuery] = useState<MentionQuery>();
  // Escape closes the list for exactly what was typed; typing on (or deleting) offers it again.
  const [dismissed, setDismissed] = useState<string>();
  const [active, setActive] = useState(0);
  const [mentioned, setMentioned] = useState<AssistantSummary>();
  const listId = useId();

  const candidates = useMemo(() => (query ? mentionCandidates(assistants, query.text) : []), [assistants, query]);
  const open = !!query && candidates.length > 0 && dismissed !== `${query.start}:${query.text}`;

  const follow = useCallback((value: string, caret: number) => {
    const next = mentionAt(value, caret);
    setQuery(next);
    setActive(0);
  }, []);

  const choose = useCallback(
    (assistant: AssistantSummary) => {
      if (!query) return;
      const next = withoutMention(text, query);
      setText(next.text);
      setMentioned(assistant);
      setQuery(undefined);
      requestAnimationFrame(() => {
        input.current?.focus();
        input.current?.setSelectionRange(next.caret, next.caret);
      });
    },
    [query, text, setText, input],
  );

  /** True when the key was the mention's (the composer must not also send or stop). */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (open) {
      const moved = movedIndex(event.key, active, candidates.length);
      if (moved !== undefined && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        event.preventDefault();
        setActive(moved);
        return true;
      }
      if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
        event.preventDefault();
        const assistant = candidates[active];
        if (assistant) choose(assistant);
        return true;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        if (query) setDismissed(`${query.start}:${query.text}`);
        return true;
      }
    }
    // Backspace at the very start removes the token, as in a recipient field.
    if (event.key === 'Backspace' && mentioned && event.currentTarget.selectionEnd === 0) {
      setMentioned(undefined);
      return true;
    }
    return false;
  };

  const current = open ? candidates[active] : undefined;
  return {
    mentioned,
    clear: useCallback(() => setMentioned(undefined), []),
    open,
    listId,
    candidates,
    active,
    setActive,
    choose,
    onKeyDown,
    onChange: (event: ChangeEvent<HTMLTextAreaElement>) =>
      follow(event.target.value, event.target.selectionStart ?? event.target.value.length),
    onSelect: (event: SyntheticEvent<HTMLTextAreaElement>) =>
      follow(event.currentTarget.value, event.currentTarget.selectionStart ?? 0),
    comboboxProps:
      assistants.length > 0
        ? {
            role: 'combobox' as const,
            'aria-autocomplete': 'list' as const,
            'aria-expanded': open,
            'aria-controls': open ? listId : undefined,
            'aria-activedescendant': current ? optionId(listId, current) : undefined,
          }
        : {},
  };
}
