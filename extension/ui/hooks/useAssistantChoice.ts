import { useCallback, useMemo, useState } from 'react';
import { type AssistantSummary, suggestFor } from '../../../shared/assistants';
import type { PageContext } from '../../../shared/page-context';
import { chosenAssistantItem } from '../../assistants/choice-store';
import type { CatalogState } from './useAssistantCatalog';
import { useStoredValue } from './useStoredValue';

/**
 * Which assistant answers: the one the person picked (kept for the browser session), else the catalog's default. The
 * assistant that fits the page is only suggested, never switched to: the person's own choice always wins, and once
 * they have picked, accepted or dismissed on a page, that page suggests nothing more.
 */
export function useAssistantChoice(catalog: CatalogState, page: PageContext | undefined) {
  const [chosenId, setChosenId] = useStoredValue(chosenAssistantItem);
  const [decidedOn, setDecidedOn] = useState<string>();
  const assistants = catalog.catalog?.assistants ?? [];
  const defaultId = catalog.catalog?.defaultAssistantId;

  const current: AssistantSummary | undefined = useMemo(
    () =>
      assistants.find((assistant) => assistant.id === chosenId) ??
      assistants.find((assistant) => assistant.id === defaultId) ??
      assistants[0],
    [assistants, chosenId, defaultId],
  );

  const pageKey = page?.url;
  const pick = useCallback(
    (assistant: AssistantSummary) => {
      void setChosenId(assistant.id);
      setDecidedOn(pageKey);
    },
    [setChosenId, pageKey],
  );
  const dismissSuggestion = useCallback(() => setDecidedOn(pageKey), [pageKey]);
  /**
   * Selects again the assistant of a reopened conversation (not a choice on this page: a better fit is still
   * suggested). An id the catalog lacks (a deleted assistant) leaves the picker on the default.
   */
  const restore = useCallback((id: string) => void setChosenId(id), [setChosenId]);

  const fitting = useMemo(() => suggestFor(assistants, page), [assistants, page]);
  const suggestion = fitting && current && fitting.id !== current.id && decidedOn !== pageKey ? fitting : undefined;

  const byId = useCallback((id: string) => assistants.find((assistant) => assistant.id === id), [assistants]);

  return { assistants, current, pick, restore, suggestion, dismissSuggestion, byId };
}
export type AssistantChoice = ReturnType<typeof useAssistantChoice>;
