import type { PageContext } from '../../shared/page-context';
import type { DraftTarget } from '../insert/target';
import { capturePolicy } from '../policy/capture-allowed';
import { t } from './i18n';
import { CaptureError, captureTab, findPageTab } from './page-capture';
import { markStep } from './timing';

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
 * Reads the page beside the panel and says what the chip should show. The policy is asked for while the tab is
 * being found (both are waits on the browser), not after.
 */
export async function readPageBeside(): Promise<Exclude<CaptureState, { status: 'capturing' | 'removed' }>> {
  markStep('capture-start');
  const policy = capturePolicy();
  try {
    const tab = await findPageTab();
    markStep('tab-found');
    if (!tab) throw new CaptureError(t('capture.openPage'), 'no-tab');
    const page = await captureTab(tab, undefined, undefined, policy);
    const target = tab.id !== undefined && tab.url ? { tabId: tab.id, url: tab.url } : undefined;
    if (!target) throw new CaptureError(t('capture.noPage'), 'no-tab');
    return { status: 'ready', page, target };
  } catch (error) {
    policy.catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof CaptureError && error.reason === 'blocked') return { status: 'blocked', message };
    return { status: 'unavailable', message, ...(error instanceof CaptureError ? { reason: error.reason } : {}) };
  }
}

let early: ReturnType<typeof readPageBeside> | undefined;

/**
 * Starts reading the page as soon as the panel's first script runs, before the interface's code has loaded and
 * rendered: the page does its part in its own process meanwhile, so the chip waits for the slower of the two
 * instead of their sum.
 */
export function readPageEarly(): void {
  early ??= readPageBeside();
}

/** The read started by `readPageEarly`, once: later reads (tab switches, refresh) start afresh. */
export function takeEarlyRead(): ReturnType<typeof readPageBeside> | undefined {
  const read = early;
  early = undefined;
  return read;
}
