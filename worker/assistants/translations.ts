import type { CatalogLanguage } from '../../shared/assistants';

/**
 * What a person reads of a built-in assistant, in one language. The product writes its assistants in every language
 * the panel speaks (English in the spec itself, the others next to it in the same file), so a French panel offers
 * French starters — which matters beyond looks: the model answers in the question's language. An administrator's
 * assistant is shown in the words the administrator wrote.
 */
export interface AssistantTexts {
  name: string;
  description: string;
  starters: readonly string[];
}

/** A built-in assistant's texts in each language other than English. */
export type AssistantTranslations = Record<Exclude<CatalogLanguage, 'en'>, AssistantTexts>;
