import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import { isForThisPanel, type PendingAction } from '../../actions/pending';
import { pendingActionItem } from '../../actions/pending-store';

/**
 * Picks up an action started from the context menu or a keyboard command. The background stores it before
 * the panel exists (or while it is open), so the panel both reads it on start and watches for new ones;
 * each request runs once even if the effect runs twice (React StrictMode) or two reads race.
 */
export function usePendingAction(onPending: (pending: PendingAction) => void) {
  const handler = useRef(onPending);
  handler.current = onPending;

  useEffect(() => {
    let active = true;
    let windowId: number | undefined;
    const consumed = new Set<number>();
    const consume = (value: PendingAction | null) => {
      if (!active || !isForThisPanel(value, windowId, Date.now()) || consumed.has(value.at)) return;
      consumed.add(value.at);
      pendingActionItem.setValue(null).catch(() => {});
      handler.current(value);
    };
    (async () => {
      windowId = (await browser.windows.getCurrent().catch(() => undefined))?.id;
      consume(await pendingActionItem.getValue());
    })().catch((error: unknown) => console.warn('[beside] could not read the pending action', error));
    const unwatch = pendingActionItem.watch(consume);
    return () => {
      active = false;
      unwatch();
    };
  }, []);
}
