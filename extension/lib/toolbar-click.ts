import { browser } from 'wxt/browser';

/**
 * The toolbar button (or its Alt+B shortcut) clicked on a tab: Chrome has just let Beside read that tab (activeTab).
 * The background tells an open panel, which reads the tab again — the click is how a person shares a page the panel
 * said it could not read yet.
 */
const TOOLBAR_CLICKED = 'beside:toolbar-clicked';

interface ToolbarClicked {
  type: typeof TOOLBAR_CLICKED;
  tabId: number;
}

/** From the background: no panel may be open yet (it then reads the tab as it opens), so nobody answering is fine. */
export function announceToolbarClick(tabId: number): void {
  browser.runtime.sendMessage({ type: TOOLBAR_CLICKED, tabId } satisfies ToolbarClicked).catch(() => undefined);
}

/** From the panel: calls back with the clicked tab's id; returns the function that stops listening. */
export function onToolbarClick(listener: (tabId: number) => void): () => void {
  const handle = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    // Only the background says so (a capture script in a page has no tab-less sender).
    if (sender.id !== browser.runtime.id || sender.tab) return;
    const clicked = message as Partial<ToolbarClicked> | undefined;
    if (clicked?.type === TOOLBAR_CLICKED && typeof clicked.tabId === 'number') listener(clicked.tabId);
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}
