import { useCallback, useMemo, useRef } from 'react';
import { browser } from 'wxt/browser';
import type { AssistantSummary } from '../../../shared/assistants';
import type { ConversationDetail } from '../../../shared/conversations';
import type { PageContext } from '../../../shared/page-context';
import { actionsFromCatalog, builtInActions } from '../../actions/registry';
import { reopenedAssistantId } from '../../assistants/reopened-assistant';
import { startersFor } from '../../assistants/starters';
import { useAssistantCatalog } from './useAssistantCatalog';
import { useAssistantChoice } from './useAssistantChoice';

/**
 * The panel's assistants in one place: the catalog, the picked one, the page's suggestion, and the `assistantId`
 * each request carries. A retry or an approval continues with the assistant the question went to, even if the
 * picker changed since.
 */
export function usePanelAssistants(page: PageContext | undefined) {
  const catalog = useAssistantCatalog();
  const choice = useAssistantChoice(catalog, page);
  const lastAsked = useRef<string | undefined>(undefined);

  /** The body fields of a new question: `mentioned` (an @mention) wins over the picker, for this question only. */
  const forQuestion = useCallback(
    (mentioned?: AssistantSummary): { assistantId?: string } => {
      const id = (mentioned ?? choice.current)?.id;
      lastAsked.current = id;
      return id ? { assistantId: id } : {};
    },
    [choice.current],
  );
  /** The body fields of a retry or an approval: the assistant the last question went to. */
  const forContinuation = useCallback((): { assistantId?: string } => {
    const id = lastAsked.current ?? choice.current?.id;
    return id ? { assistantId: id } : {};
  }, [choice.current]);

  /** A stored conversation was reopened: the picker selects the assistant it was talking to. */
  const followConversation = useCallback(
    (conversation: ConversationDetail) => {
      const id = reopenedAssistantId(conversation);
      if (!id) return;
      lastAsked.current = undefined;
      choice.restore(id);
    },
    [choice.restore],
  );

  const catalogLanguage = catalog.catalog?.language ?? 'en';
  const starters = useMemo(
    () => startersFor(choice.current, catalogLanguage, browser.i18n.getUILanguage()),
    [choice.current, catalogLanguage],
  );

  // The quick actions come from the catalog; until it arrives (or from a server without one), the built-in ones.
  const actions = useMemo(
    () => (catalog.catalog ? actionsFromCatalog(catalog.catalog.assistants, choice.current?.id) : builtInActions()),
    [catalog.catalog, choice.current?.id],
  );

  return { catalog, choice, forQuestion, forContinuation, followConversation, starters, actions };
}
export type PanelAssistants = ReturnType<typeof usePanelAssistants>;
