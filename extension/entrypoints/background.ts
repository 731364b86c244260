import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerActionTriggers } from '../actions/triggers';
import { registerAuthMessages } from '../auth/background';

/**
 * The toolbar button and its shortcut (Alt+B, the `_execute_action` command) open the side panel. Chrome does
 * that natively once the behaviour is set; Firefox opens its sidebar from the same action.
 */
export default defineBackground(() => {
  const sidePanel = (browser as unknown as { sidePanel?: typeof chrome.sidePanel }).sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
    console.error('[beside] could not set the side panel behaviour', error);
  });
  if (!sidePanel) {
    browser.action.onClicked.addListener(() => {
      (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction?.open();
    });
  }
  // Listeners must be registered synchronously here so a restarted service worker still receives the click.
  registerActionTriggers();
  registerAuthMessages();
});
