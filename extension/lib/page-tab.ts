import { type Browser, browser } from 'wxt/browser';

function isOwnPage(tab: Browser.tabs.Tab): boolean {
  return !!tab.url?.startsWith(browser.runtime.getURL('/'));
}

/**
 * The tab the panel works beside: always the active tab of the panel's window, readable or not, so a question
 * is never answered about another page. Only when the panel itself is that tab (opened as a page of its own) is it
 * the tab used just before it — again whether or not Beside can read it.
 *
 * Kept apart from the capture code (and its schema library): the panel's first script asks for the tab with it.
 */
export async function findPageTab(): Promise<Browser.tabs.Tab | undefined> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!active || !isOwnPage(active)) return active;
  const tabs = await browser.tabs.query({ currentWindow: true });
  return tabs
    .filter((tab) => tab.id !== active.id && !isOwnPage(tab))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}
