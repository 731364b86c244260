import { useSyncExternalStore } from 'react';
import { pageBeside } from '../../lib/panel-page';
import type { CaptureState } from '../../lib/read-page';

export type { CaptureState };

/**
 * What the panel knows about the page beside it. Read when the panel opens (from its first script on, see
 * `pageBeside`) and again when the person switches tab or the tab navigates; the person can refresh it or leave it
 * out of the conversation. A read that finished before the interface loaded is there in its first render.
 */
export function usePageContext() {
  const page = pageBeside();
  const state = useSyncExternalStore(page.subscribe, page.snapshot);
  const ready = state.status === 'ready' ? state : undefined;
  return {
    state,
    page: ready?.page,
    target: ready?.target,
    refresh: page.refresh,
    remove: page.remove,
    restore: page.restore,
  };
}
