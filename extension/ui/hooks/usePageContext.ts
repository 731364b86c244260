import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { PageContext } from '../../../shared/page-context';
import type { DraftTarget } from '../../insert/target';
import { t } from '../../lib/i18n';
import { CaptureError, captureTab, findPageTab } from '../../lib/page-capture';

const extensionOrigin = browser.runtime.getURL('/');
const isExtensionPage = (url: string | undefined) => !!url?.startsWith(extensionOrigin);

export type CaptureState =
  | { status: 'capturing' }
  // `target`: the tab the page was read from, to which a draft written from this capture is bound.
  | { status: 'ready'; page: PageContext; target: DraftTarget }
  | { status: 'removed'; page: PageContext; target: DraftTarget }
  /** `reason`: whether sharing the tab (toolbar click, site access) would help, or the page is never readable. */
  | { status: 'unavailable'; message: string; reason?: CaptureError['reason'] }
  /** The organisation does not allow Beside to read this site (capture blocklist). */
  | { status: 'blocked'; message: string };

/**
 * What the panel knows about the page beside it. Captured when the panel opens and again when the person
 * switches tab or the tab navigates; the person can refresh it or leave it out of the conversation.
 */
export function usePageContext() {
  const [state, setState] = useState<CaptureState>({ status: 'capturing' });
  const generation = useRef(0);

  const capture = useCallback(async () => {
    const current = ++generation.current;
    setState({ status: 'capturing' });
    try {
      const tab = await findPageTab();
      if (!tab) throw new CaptureError(t('capture.openPage'), 'no-tab');
      const page = await captureTab(tab);
      const target = tab.id !== undefined && tab.url ? { tabId: tab.id, url: tab.url } : undefined;
      if (!target) throw new CaptureError(t('capture.noPage'), 'no-tab');
      if (current === generation.current) setState({ status: 'ready', page, target });
    } catch (error) {
      if (current !== generation.current) return;
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof CaptureError && error.reason === 'blocked') setState({ status: 'blocked', message });
      else
        setState({
          status: 'unavailable',
          message,
          ...(error instanceof CaptureError ? { reason: error.reason } : {}),
        });
    }
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
