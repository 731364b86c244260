import type { CaptureState } from './read-page';

/** What one read of the page ends in (a read never ends "removed": that is the person's choice afterwards). */
export type PageRead = Exclude<CaptureState, { status: 'capturing' | 'removed' }>;

/**
 * What the panel knows about the page beside it, held outside the interface: the panel's first script starts the
 * first read before React and the interface have loaded, and the interface shows whatever state the read has reached
 * when it first renders — the result itself when the read finished first, so the chip appears in that same render.
 */
export interface PageBeside {
  /** The current state; the same object until it changes (what `useSyncExternalStore` compares). */
  snapshot(): CaptureState;
  /** Called on every change of state; returns the way to stop listening. */
  subscribe(listener: () => void): () => void;
  /** Reads the page again. A read started later always wins over one still running: its answer is dropped. */
  refresh(): Promise<void>;
  /** Leaves the page out of the conversation (only a page that was read can be left out). */
  remove(): void;
  /** Shares the page that was left out again. */
  restore(): void;
}

/** `read`: one read of the page beside the panel (tab, policy, capture, schema check); it never rejects. */
export function createPageBeside(read: () => Promise<PageRead>): PageBeside {
  let state: CaptureState = { status: 'capturing' };
  let latest = 0;
  const listeners = new Set<() => void>();
  const set = (next: CaptureState) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };

  return {
    snapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async refresh() {
      const current = ++latest;
      if (state.status !== 'capturing') set({ status: 'capturing' });
      const next = await read();
      if (current === latest) set(next);
    },
    remove() {
      if (state.status === 'ready') set({ ...state, status: 'removed' });
    },
    restore() {
      if (state.status === 'removed') set({ ...state, status: 'ready' });
    },
  };
}
