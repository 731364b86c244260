import { type Browser, browser } from 'wxt/browser';
import { ActionId } from '../../shared/actions';
import { contextMenuItems } from './entry-points';
import { pendingFromMenuClick } from './pending';
import { pendingActionItem } from './pending-store';

type SidePanelApi = { open(options: { tabId?: number; windowId?: number }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

/**
 * Opens the panel beside the tab. Called synchronously at the top of a menu or command handler: Chrome only
 * allows sidePanel.open() while the user gesture lasts, which ends at the first await.
 */
function openPanel(tab: Browser.tabs.Tab | undefined): void {
  const sidePanel = (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: SidebarApi }).sidebarAction;
  const opened = sidePanel
    ? sidePanel.open(tab?.id !== undefined ? { tabId: tab.id } : { windowId: tab?.windowId ?? -2 })
    : sidebar?.open();
  opened?.catch((error: unknown) => console.warn('[beside] could not open the side panel', String(error)));
}

function stash(value: Parameters<typeof pendingActionItem.setValue>[0]) {
  pendingActionItem
    .setValue(value)
    .catch((error: unknown) => console.error('[beside] could not stash the action', error));
}

async function createMenus() {
  await browser.contextMenus.removeAll();
  for (const item of contextMenuItems()) browser.contextMenus.create(item);
}

/** Context menu items and keyboard commands, both from the built-in quick actions (entry-points.ts). */
export function registerActionTriggers() {
  browser.runtime.onInstalled.addListener(() => {
    createMenus().catch((error: unknown) => console.error('[beside] could not create the menus', error));
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    const action = ActionId.safeParse(String(info.menuItemId));
    if (!action.success) return;
    openPanel(tab);
    stash(pendingFromMenuClick(action.data, info, tab, Date.now()));
  });

  browser.commands?.onCommand.addListener((command, tab) => {
    const action = ActionId.safeParse(command);
    if (!action.success) return;
    openPanel(tab);
    // No selection text comes with a command: the panel reads the selection from the page itself.
    stash(
      pendingFromMenuClick(
        action.data,
        { menuItemId: command, ...(tab?.url ? { pageUrl: tab.url } : {}) },
        tab,
        Date.now(),
      ),
    );
  });
}
