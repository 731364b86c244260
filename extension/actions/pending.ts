import { type ActionId, ActionId as ActionIdSchema } from '../../shared/actions';

/**
 * An action started outside the panel (context menu, keyboard command) and handed to it through
 * `storage.session`: the background opens the panel first — it must, before any await, or Chrome drops the
 * user gesture — and the panel may not be listening yet, so the request waits in storage until it is.
 */
export interface PendingAction {
  actionId: ActionId;
  /** Epoch ms; a request older than PENDING_MAX_AGE_MS is dropped rather than run by surprise later. */
  at: number;
  tabId?: number;
  windowId?: number;
  url?: string;
  title?: string;
  /**
   * The frame the selection was made in (0 = the top document). The selected text itself is read from that
   * frame by the panel, through capture's visibility rules: Chrome's own `selectionText` also carries text the
   * person cannot see (transparent, same colour as the background, clipped), so it is never used.
   */
  frameId?: number;
  /** Why the action cannot run on this page, in words for the person. */
  unsupported?: string;
}

export const PENDING_MAX_AGE_MS = 60_000;

const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjhbdaeoaph/';

/** Why Beside cannot work with a selection on this page, or undefined when it can. */
export function unsupportedReason(url: string | undefined, frameUrl?: string): string | undefined {
  if (
    frameUrl?.startsWith(PDF_VIEWER) ||
    (url && /\.pdf(?:$|[?#])/i.test(new URL(url, 'https://x.invalid').pathname))
  ) {
    return 'Beside can’t summarize text in the PDF viewer. Copy the text and paste it into the question box instead.';
  }
  if (!url || !/^(https?|file):/.test(url)) {
    return 'Beside can’t work on browser pages (chrome://, settings, the new tab page). Open a web page and try again.';
  }
  return undefined;
}

export interface MenuClick {
  menuItemId: string | number;
  pageUrl?: string;
  frameUrl?: string;
  frameId?: number;
}

export interface TabInfo {
  id?: number;
  windowId?: number;
  url?: string;
  title?: string;
}

export function pendingFromMenuClick(actionId: ActionId, info: MenuClick, tab: TabInfo | undefined, now: number) {
  const url = tab?.url ?? info.pageUrl;
  const unsupported = unsupportedReason(url, info.frameUrl);
  const pending: PendingAction = {
    actionId,
    at: now,
    ...(tab?.id !== undefined ? { tabId: tab.id } : {}),
    ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}),
    ...(url ? { url } : {}),
    ...(tab?.title ? { title: tab.title } : {}),
    ...(info.frameId !== undefined && info.frameId >= 0 ? { frameId: info.frameId } : {}),
    ...(unsupported ? { unsupported } : {}),
  };
  return pending;
}

/** A stored request is for this panel when it is recent, well formed and from this panel's window. */
export function isForThisPanel(value: unknown, windowId: number | undefined, now: number): value is PendingAction {
  if (!value || typeof value !== 'object') return false;
  const pending = value as Partial<PendingAction>;
  if (!ActionIdSchema.safeParse(pending.actionId).success || typeof pending.at !== 'number') return false;
  if (now - pending.at > PENDING_MAX_AGE_MS || pending.at - now > 5_000) return false;
  return pending.windowId === undefined || windowId === undefined || pending.windowId === windowId;
}
