import { type AssistantSummary, type CatalogLanguage, catalogLanguageOf } from '../../shared/assistants';

/**
 * The starter prompts the empty panel offers for an assistant. The catalog names built-in assistants and gives their
 * starters in the panel's language; a server that answered in another (one from before French starters) would offer
 * questions in a language the person does not use (and the model answers in the question's language), so then the
 * panel's own translated questions for the page's kind are offered instead. An administrator's starters are in the
 * words the organisation chose: shown as written.
 */
export function startersFor(
  assistant: AssistantSummary | undefined,
  catalogLanguage: CatalogLanguage,
  uiLanguage: string,
): readonly string[] {
  if (!assistant) return [];
  if (assistant.source === 'built-in' && catalogLanguage !== catalogLanguageOf(uiLanguage)) return [];
  return assistant.starters;
}
