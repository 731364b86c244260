import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { PageContext } from '../../../shared/page-context';
import type { PendingAction } from '../../actions/pending';
import { findAction } from '../../actions/registry';
import { type ExtensionAction, opensDraft } from '../../actions/types';
import type { DraftTarget } from '../../insert/target';
import { t } from '../../lib/i18n';
import { captureTab } from '../../lib/page-capture';
import { findPageTab } from '../../lib/page-tab';
import type { usePageContext } from './usePageContext';
import { usePendingAction } from './usePendingAction';

export interface DraftRequest {
  action: ExtensionAction;
  page: PageContext;
  /** Changes on every click so the same action on the same page starts a fresh draft. */
  key: number;
  /** The tab and address the draft is written for, bound now: Insert goes there or nowhere. */
  target: DraftTarget | undefined;
}

/**
 * The selection, read in the page through capture's visibility rules, from the tab (and frame) the menu was
 * clicked in, or the page beside the panel for a keyboard command. Chrome's own `selectionText` is never used:
 * it carries text the person cannot see (transparent, same colour as the background, clipped) — the hidden
 * prompt-injection trick. Where the page cannot be read, the capture error says so and nothing is summarised.
 */
async function captureSelection(
  pending: PendingAction,
): Promise<{ page: PageContext; target: DraftTarget | undefined } | undefined> {
  const tab = pending.tabId !== undefined ? await browser.tabs.get(pending.tabId) : await findPageTab();
  if (!tab) return undefined;
  const page = await captureTab(tab, {
    options: { tokenBudget: 6_000, selectionOnly: true },
    frameId: pending.frameId,
  });
  return { page, target: targetOf(tab.id, tab.url) };
}

function targetOf(tabId: number | undefined, url: string | undefined): DraftTarget | undefined {
  return tabId !== undefined && url ? { tabId, url } : undefined;
}

interface Options {
  capture: ReturnType<typeof usePageContext>;
  /** Every quick action the panel knows (from the catalog), to resolve a menu click or a command. */
  actions: readonly ExtensionAction[];
  /** Streams a summary into the conversation, where the person can ask a follow-up. */
  summarize: (action: ExtensionAction, page: PageContext) => void;
}

/**
 * Runs quick actions from every entry point — panel buttons, the context menu, keyboard commands: summaries
 * go into the conversation, drafts open the draft view.
 */
export function useQuickActions({ capture, actions, summarize }: Options) {
  const [draft, setDraft] = useState<DraftRequest>();
  const [notice, setNotice] = useState<string>();
  const [waiting, setWaiting] = useState<PendingAction>();

  // A page without its own target comes from the panel's capture (buttons, panel shortcuts, whole-page actions).
  const captureTarget = capture.target;
  const run = useCallback(
    (action: ExtensionAction, page: PageContext, target: DraftTarget | undefined = captureTarget) => {
      setNotice(undefined);
      if (!opensDraft(action)) {
        setDraft(undefined);
        summarize(action, page);
      } else {
        setDraft({ action, page, key: Date.now(), target });
      }
    },
    [summarize, captureTarget],
  );

  usePendingAction((pending) => {
    const action = findAction(actions, pending.actionId);
    if (!action) return;
    if (pending.unsupported) return setNotice(pending.unsupported);
    if (!action.needsSelection) return setWaiting(pending);
    // captureTab checks the organisation's capture policy before anything of the page is read.
    captureSelection(pending)
      .then((captured) =>
        captured?.page.selection ? run(action, captured.page, captured.target) : setNotice(t('actions.selectFirst')),
      )
      .catch((error: unknown) => setNotice(error instanceof Error ? error.message : String(error)));
  });

  // An action on the whole page waits for the panel's capture of that page.
  useEffect(() => {
    if (!waiting) return;
    const action = findAction(actions, waiting.actionId);
    if (capture.state.status === 'ready' && action) {
      setWaiting(undefined);
      run(action, capture.state.page, capture.state.target);
    } else if (capture.state.status === 'unavailable' || capture.state.status === 'blocked') {
      setWaiting(undefined);
      setNotice(capture.state.message);
    }
  }, [waiting, capture.state, run, actions]);

  return {
    run,
    draft,
    closeDraft: useCallback(() => setDraft(undefined), []),
    notice,
    dismissNotice: useCallback(() => setNotice(undefined), []),
  };
}
