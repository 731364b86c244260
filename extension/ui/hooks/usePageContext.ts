import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { type CaptureState, readPageBeside, takeEarlyRead } from '../../lib/read-page';

export type { CaptureState };

const extensionOrigin = browser.runtime.getURL('/');
const isExtensionPage = (url: string | undefined) => !!url?.startsWith(extensionOrigin);

/**
 * What the panel knows about the page beside it. Captured when the panel opens and again when the person
 * switches tab or the tab navigates; the person can refresh it or leave it out of the conversation.
 */
export function usePageContext() {
  const [state, setState] = useState<CaptureState>({ status: 'capturing' });
  const generation = useRef(0);

  const capture = useCallback(async () => {
    const current = ++generation.current;
    const early = takeEarlyRead();
    if (!early) setState({ status: 'capturing' });
    const next = await (early ?? readPageBeside());
    if (current === generation.current) setState(next);
  }, []);

  useEffect(() => {
    void capture();
    // Only this window's tabs: the panel follows the active tab of the window it lives in.
    let windowId: number | undefined;
    browser.windows
      .getCurrent()
      .then((current) => {
        windowId = current.id;
      })
      .catch(() => {});
    const ours = (id: number | undefined) => windowId === undefined || id === windowId;
    const onActivated = (info: { windowId: number }) => ours(info.windowId) && void capture();
    const onUpdated = (
      _tabId: number,
      change: { status?: string },
      tab: { active?: boolean; windowId?: number; url?: string },
    ) => {
      // The panel's own page (opened as a tab) finishing its load is not a page to read: reacting to it would run
      // a second capture of the page beside it, which supersedes the first and doubles the wait for the chip.
      if (change.status === 'complete' && tab.active && ours(tab.windowId) && !isExtensionPage(tab.url)) {
        void capture();
      }
    };
    // A site the person just let Beside read is read at once, without another click; one they took back is not.
    const onAccessChanged = () => void capture();
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.permissions?.onAdded.addListener(onAccessChanged);
    browser.permissions?.onRemoved.addListener(onAccessChanged);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.permissions?.onAdded.removeListener(onAccessChanged);
      browser.permissions?.onRemoved.removeListener(onAccessChanged);
    };
  }, [capture]);

  const remove = useCallback(() => {
    setState((previous) => (previous.status === 'ready' ? { ...previous, status: 'removed' } : previous));
  }, []);
  const restore = useCallback(() => {
    setState((previous) => (previous.status === 'removed' ? { ...previous, status: 'ready' } : previous));
  }, []);

  const page = state.status === 'ready' ? state.page : undefined;
  const target = state.status === 'ready' ? state.target : undefined;
  return { state, page, target, refresh: capture, remove, restore };
}
