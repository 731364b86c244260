import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { PageContext } from '../../../shared/page-context';
import type { DraftTarget } from '../../insert/target';
import { CaptureError, captureTab, findPageTab } from '../../lib/page-capture';

export type CaptureState =
  | { status: 'capturing' }
  // `target`: the tab the page was read from, to which a draft written from this capture is bound.
  | { status: 'ready'; page: PageContext; target: DraftTarget }
  | { status: 'removed'; page: PageContext; target: DraftTarget }
  | { status: 'unavailable'; message: string }
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
      if (!tab) throw new CaptureError('Open a web page to chat about it.', 'no-tab');
      const page = await captureTab(tab);
      const target = tab.id !== undefined && tab.url ? { tabId: tab.id, url: tab.url } : undefined;
      if (!target) throw new CaptureError('No page to read.', 'no-tab');
      if (current === generation.current) setState({ status: 'ready', page, target });
    } catch (error) {
      if (current !== generation.current) return;
      const message = error instanceof Error ? error.message : String(error);
      setState({
        status: error instanceof CaptureError && error.reason === 'blocked' ? 'blocked' : 'unavailable',
        message,
      });
    }
  }, []);

  useEffect(() => {
    void capture();
    const onActivated = () => void capture();
    const onUpdated = (_tabId: number, change: { status?: string }, tab: { active?: boolean }) => {
      if (change.status === 'complete' && tab.active) void capture();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
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
