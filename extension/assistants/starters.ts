import type { AssistantSummary } from '../../shared/assistants';

/**
 * The starter prompts the empty panel offers for an assistant. A built-in assistant's starters are written in English
 * by the product; in a panel in another language they would be questions in a language the person does not use (and
 * the model answers in the question's language), so there the panel's own translated questions for the page's kind
 * are offered instead. An administrator's starters are in the words the organisation chose: shown as written.
 */
export function startersFor(assistant: AssistantSummary | undefined, uiLanguage: string): readonly string[] {
  if (!assistant) return [];
  if (assistant.source === 'built-in' && !/^en\b/i.test(uiLanguage)) return [];
  return assistant.starters;
}
