import { browser } from 'wxt/browser';
import { createPageBeside, type PageBeside, type PageRead } from './page-beside';
import { findPageTab } from './page-tab';
import { readPageBeside } from './read-page';
import type { OpeningRead } from './startup-order';
import { markStep } from './timing';
import { onToolbarClick } from './toolbar-click';

/** One read of the page beside the panel: the tab is asked for first, the policy while the browser answers. */
function readNow(onAsked?: () => void): Promise<PageRead> {
  markStep('capture-start');
  return readPageBeside(findPageTab(), onAsked);
}

/**
 * Reads the page again whenever the page beside the panel changes: the person switches tab in the panel's window,
 * that tab finishes loading another page, a site is let in or taken back (a site the person just let Beside read
 * is read at once, without another click), or the toolbar button is clicked (that click lets Beside read the tab;
 * no tab event says so). Listening starts with the panel's first script, so nothing said while the interface loads
 * is missed.
 */
function followPageChanges(readAgain: () => void): void {
  const extensionOrigin = browser.runtime.getURL('/');
  // Only this window's tabs: the panel follows the active tab of the window it lives in.
  let windowId: number | undefined;
  browser.windows
    .getCurrent()
    .then((current) => {
      windowId = current.id;
    })
    .catch(() => {});
  const ours = (id: number | undefined) => windowId === undefined || id === windowId;
  browser.tabs.onActivated.addListener((info) => {
    if (ours(info.windowId)) readAgain();
  });
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    // The panel's own page (opened as a tab) finishing its load is not a page to read: reacting to it would run
    // a second capture of the page beside it, which supersedes the first and doubles the wait for the chip.
    if (change.status === 'complete' && tab.active && ours(tab.windowId) && !tab.url?.startsWith(extensionOrigin)) {
      readAgain();
    }
  });
  browser.permissions?.onAdded.addListener(readAgain);
  browser.permissions?.onRemoved.addListener(readAgain);
  onToolbarClick(readAgain);
}

interface Panel {
  beside: PageBeside;
  opening: OpeningRead;
}

let panel: Panel | undefined;

function start(): Panel {
  let pageAsked = () => {};
  const asked = new Promise<void>((resolve) => {
    pageAsked = resolve;
  });
  let reads = 0;
  // Only the opening's read says when it asks the page (the interface waits for that); later reads need not.
  const beside = createPageBeside(() => readNow(reads++ === 0 ? pageAsked : undefined));
  const ended = beside.refresh();
  followPageChanges(() => void beside.refresh());
  return { beside, opening: { asked, ended } };
}

/**
 * The page beside this panel. The first call starts reading it and following the active tab: the panel's first
 * script makes that call, before React and the interface load, so the page is read while they do.
 */
export function pageBeside(): PageBeside {
  panel ??= start();
  return panel.beside;
}

/** The panel's first read of the page (started by the first `pageBeside` call): when it asked the page, when it ended. */
export function openingRead(): OpeningRead {
  panel ??= start();
  return panel.opening;
}
