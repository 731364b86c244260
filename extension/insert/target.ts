import { t } from '../lib/i18n';

/**
 * Which page a draft may go into. A draft is bound, when it is created, to the tab and address it was written
 * for; on Insert it goes there or nowhere. Choosing the tab at click time could pick whatever tab is in front
 * (or a background one): a reply about one customer pasted into another customer's ticket.
 */

/** The tab a draft was written for, and that tab's address at the time. */
export interface DraftTarget {
  tabId: number;
  url: string;
}

export const targetClosedMessage = (): string => t('insert.targetClosed');
export const targetChangedMessage = (): string => t('insert.targetChanged');

export type TargetCheck =
  | { ok: true; target: DraftTarget }
  | { ok: false; reason: 'target-closed' | 'target-changed'; message: string };

/**
 * One page is the same page when origin and path match: the query and the fragment may change within it (Gmail
 * opens compose with `#inbox?compose=new`, Zendesk switches panes by query). Pages without an origin (data:,
 * about:) never match; a file: page matches by its path.
 */
export function isSamePage(a: string | undefined, b: string | undefined): boolean {
  const first = pageKey(a);
  return first !== undefined && first === pageKey(b);
}

function pageKey(address: string | undefined): string | undefined {
  if (!address || !URL.canParse(address)) return undefined;
  const url = new URL(address);
  if (url.protocol === 'file:') return `file://${url.pathname}`;
  return url.origin === 'null' ? undefined : `${url.origin}${url.pathname}`;
}

/**
 * May the draft go into `tab` (the bound tab as the browser reports it now, undefined once it is closed)? A tab
 * whose address Beside can no longer read (it left for a site Beside has no access to) counts as changed.
 */
export function checkInsertTarget(
  target: DraftTarget | undefined,
  tab: { url?: string | undefined } | undefined,
): TargetCheck {
  if (!target || !tab) return { ok: false, reason: 'target-closed', message: targetClosedMessage() };
  if (!isSamePage(target.url, tab.url)) return { ok: false, reason: 'target-changed', message: targetChangedMessage() };
  return { ok: true, target };
}
