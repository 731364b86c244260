import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerActionTriggers } from '../actions/triggers';
import { registerAuthMessages } from '../auth/background';
import { announceToolbarClick } from '../lib/toolbar-click';

type SidePanelApi = typeof chrome.sidePanel;

/**
 * The toolbar button and its shortcut (Alt+B, the `_execute_action` command) open the side panel from Beside's own
 * click handler rather than Chrome's `openPanelOnActionClick`: Chrome grants activeTab (reading the tab clicked on)
 * only when the click reaches the extension, and a panel Chrome opens by itself could not read the page the person
 * clicked on. Firefox opens its sidebar from the same click.
 */
export default defineBackground(() => {
  const sidePanel = (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
  // Set explicitly: a profile that ran an earlier version keeps the behaviour it stored.
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch((error: unknown) => {
    console.error('[beside] could not set the side panel behaviour', error);
  });
  browser.action.onClicked.addListener((tab) => {
    // Opened before anything else: Chrome allows it only while the click's user gesture lasts.
    const opened = sidePanel
      ? sidePanel.open(tab.id !== undefined ? { tabId: tab.id } : { windowId: tab.windowId })
      : (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction?.open();
    opened?.catch((error: unknown) => console.warn('[beside] could not open the side panel', String(error)));
    if (tab.id !== undefined) announceToolbarClick(tab.id);
  });
  // Listeners must be registered synchronously here so a restarted service worker still receives the click.
  registerActionTriggers();
  registerAuthMessages();
});
