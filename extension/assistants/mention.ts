import type { AssistantSummary } from '../../shared/assistants';

/** An `@word` being typed: where it starts in the text and what follows the `@` up to the caret. */
export interface MentionQuery {
  start: number;
  end: number;
  text: string;
}

/**
 * The mention the caret is in: an `@` at the start of the text or after a space, followed by letters, digits or
 * dashes up to the caret. An address such as "jo@acme.com" is not one (no space before its `@`).
 */
export function mentionAt(text: string, caret: number): MentionQuery | undefined {
  const before = text.slice(0, caret);
  const match = /(?:^|\s)@([\p{L}\p{N}-]{0,40})$/u.exec(before);
  if (!match) return undefined;
  const typed = match[1] ?? '';
  return { start: caret - typed.length - 1, end: caret, text: typed };
}

const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The assistants a mention may mean: those whose name has a word starting with what was typed, or whose id
 * contains it ("@inv" → Support Investigator, "@hr" → HR policy), in catalog order.
 */
export function mentionCandidates(assistants: readonly AssistantSummary[], typed: string): AssistantSummary[] {
  const query = fold(typed);
  if (!query) return [...assistants];
  return assistants.filter(
    (assistant) =>
      fold(assistant.name)
        .split(/[\s\-–→/]+/)
        .some((word) => word.startsWith(query)) ||
      fold(assistant.name).startsWith(query) ||
      assistant.id.includes(query),
  );
}

/** The text once the mention is chosen: the `@word` goes (the assistant shows as a token instead). */
export function withoutMention(text: string, query: MentionQuery): { text: string; caret: number } {
  const after = text.slice(query.end).replace(/^ /, '');
  return { text: text.slice(0, query.start) + after, caret: query.start };
}
