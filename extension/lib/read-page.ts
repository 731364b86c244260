import type { Browser } from 'wxt/browser';
import type { PageContext } from '../../shared/page-context';
import type { DraftTarget } from '../insert/target';
import { capturePolicy } from '../policy/capture-allowed';
import { t } from './i18n';
import { CaptureError, captureTab } from './page-capture';
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
 * Reads the page beside the panel and says what the chip should show. `tab` is the tab lookup, already under way;
 * the policy is asked for while it is answered, not after.
 */
export async function readPageBeside(
  tab: Promise<Browser.tabs.Tab | undefined>,
  /** Called once the page has been asked for its content; not when the read ends before (refused, no access…). */
  onAsked?: () => void,
): Promise<Exclude<CaptureState, { status: 'capturing' | 'removed' }>> {
  const policy = capturePolicy();
  try {
    const found = await tab;
    markStep('tab-found');
    if (!found) throw new CaptureError(t('capture.openPage'), 'no-tab');
    const page = await captureTab(found, { policy, onAsked });
    const target = found.id !== undefined && found.url ? { tabId: found.id, url: found.url } : undefined;
    if (!target) throw new CaptureError(t('capture.noPage'), 'no-tab');
    return { status: 'ready', page, target };
  } catch (error) {
    policy.catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof CaptureError && error.reason === 'blocked') return { status: 'blocked', message };
    return { status: 'unavailable', message, ...(error instanceof CaptureError ? { reason: error.reason } : {}) };
  }
}
