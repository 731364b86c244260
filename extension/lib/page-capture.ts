import { type Browser, browser } from 'wxt/browser';
import { PageContext } from '../../shared/page-context';
import { isNeedsArticleReader } from '../capture/article-reader';
import { captureFile, isNeedsSiteScript, type SiteBundle, scriptName, siteBundleAt } from '../capture/site-bundles';
import { type CaptureOptions, defaultCaptureOptions } from '../capture/types';
import { type CaptureRefusal, captureBlockedMessage, capturePolicy } from '../policy/capture-allowed';
import { pageCaptureOffMessage } from '../policy/feature-switches';
import { t } from './i18n';
import { markStep } from './timing';

export class CaptureError extends Error {
  constructor(
    message: string,
    readonly reason: 'no-tab' | 'restricted' | 'no-access' | 'blocked' | 'failed',
  ) {
    super(message);
    this.name = 'CaptureError';
  }
}

const CAPTURABLE = /^(https?|file):/;

/** What the panel says about a tab it may not read, in the person's words. */
export const restrictedMessage = (): string => t('capture.restricted');
export const noAccessMessage = (): string => t('capture.noAccess');

/** Chrome's refusal, sorted into "never readable" and "readable once the person shares it". */
function refusalReason(message: string): 'restricted' | 'no-access' | undefined {
  if (/chrome:|chrome-extension:|about:|devtools:|extensions gallery|web ?store|cannot be scripted/i.test(message)) {
    return 'restricted';
  }
  if (/cannot access|permission|host/i.test(message)) return 'no-access';
  return undefined;
}

function refusal(message: string): CaptureError | undefined {
  const reason = refusalReason(message);
  if (reason === 'restricted') return new CaptureError(restrictedMessage(), 'restricted');
  if (reason === 'no-access') return new CaptureError(noAccessMessage(), 'no-access');
  return undefined;
}

/**
 * A tab whose address Chrome does not tell us: Beside has no access to it (no host permission, no toolbar click).
 * Nothing is read; a no-op probe only learns why, so the panel can say whether sharing would help.
 */
async function whyUnreadable(tabId: number): Promise<CaptureError> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, func: () => true });
  } catch (error) {
    const explained = refusal(error instanceof Error ? error.message : String(error));
    if (explained) return explained;
  }
  return new CaptureError(noAccessMessage(), 'no-access');
}

type Target = { tabId: number; frameIds?: number[] };

/**
 * Runs the capture in the page's isolated world: through the function an earlier injection left there (one
 * round trip, no re-parse of the script) when it is the script the page wants, else by setting the options and
 * injecting the script file for the page's address (site-bundles.ts). A page can still ask for another site's
 * script (a frame of that site, GitHub's markup on another host) or for the article reader: each is injected once
 * and asked again.
 */
async function runCapture(target: Target, options: CaptureOptions, bundle: SiteBundle | undefined): Promise<unknown> {
  let result = await injectAndRun(target, options, bundle);
  if (isNeedsSiteScript(result)) {
    bundle = result.bundle;
    result = await injectAndRun(target, options, bundle);
  }
  if (!isNeedsArticleReader(result)) return result;
  // The page reads as an article: load the reader (only such pages pay for it), then ask again.
  await browser.scripting.executeScript({ target, files: ['/article-reader.js'] });
  return runResident(target, options, bundle);
}

/**
 * One call runs the capture an earlier injection left in the page's isolated world, when it is `bundle`'s, or, on a
 * page read for the first time (or by another script), leaves the options there for the script and answers null:
 * each round trip to the page is time before the chip shows.
 */
async function runResident(target: Target, options: CaptureOptions, bundle: SiteBundle | undefined): Promise<unknown> {
  const [reused] = await browser.scripting.executeScript({
    target,
    func: (value: CaptureOptions, wanted: string) => {
      const world = globalThis as {
        __besideCapturePage?: (options: CaptureOptions) => unknown;
        __besideCaptureOptions?: CaptureOptions;
        __besideCaptureBundle?: string;
      };
      if (world.__besideCapturePage && world.__besideCaptureBundle === wanted) return world.__besideCapturePage(value);
      world.__besideCaptureOptions = value;
      return null;
    },
    args: [options, scriptName(bundle)],
  });
  return reused?.result;
}

async function injectAndRun(target: Target, options: CaptureOptions, bundle: SiteBundle | undefined): Promise<unknown> {
  const reused = await runResident(target, options, bundle);
  if (reused) return reused;
  const [result] = await browser.scripting.executeScript({ target, files: [captureFile(bundle)] });
  return result?.result;
}

/** How `captureTab` reads: all optional. */
export interface CaptureHow {
  options?: CaptureOptions;
  /** A selection made inside a (possibly cross-origin) frame is read in that frame. */
  frameId?: number;
  /** The policy, when the caller asked for it early (while finding the tab); read here otherwise. */
  policy?: Promise<(url: string) => CaptureRefusal | undefined>;
  /** Called once the page has been asked for its content (the policy allowed it): the panel waits on the page now. */
  onAsked?: () => void;
}

/**
 * Injects the capture script into the tab on demand (no content script runs on pages otherwise) and
 * validates what comes back with the same schema the worker uses.
 */
export async function captureTab(tab: Browser.tabs.Tab, how: CaptureHow = {}): Promise<PageContext> {
  const { options = defaultCaptureOptions, frameId, policy = capturePolicy(), onAsked } = how;
  // Settled here too, so a refusal below that never reads the policy leaves no unhandled rejection behind.
  policy.catch(() => undefined);
  if (tab.id === undefined) throw new CaptureError(t('capture.noPage'), 'no-tab');
  if (!tab.url) throw await whyUnreadable(tab.id);
  if (!CAPTURABLE.test(tab.url)) throw new CaptureError(restrictedMessage(), 'restricted');
  // Policy first: on a page the organisation forbids, nothing is injected and nothing is read.
  const refused = (await policy)(tab.url);
  if (refused === 'page-reading-off') throw new CaptureError(pageCaptureOffMessage(), 'blocked');
  if (refused === 'blocked') throw new CaptureError(captureBlockedMessage(), 'blocked');
  const target = frameId ? { tabId: tab.id, frameIds: [frameId] } : { tabId: tab.id };
  markStep('policy-checked');
  try {
    const reading = runCapture(target, options, siteBundleAt(new URL(tab.url)));
    onAsked?.();
    const read = await reading;
    markStep('page-read');
    const parsed = PageContext.safeParse(read);
    markStep('context-checked');
    if (!parsed.success) throw new CaptureError(t('capture.failed'), 'failed');
    return parsed.data;
  } catch (error) {
    if (error instanceof CaptureError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const explained = refusal(message);
    if (explained) throw explained;
    throw new CaptureError(t('capture.failedBecause', { reason: message }), 'failed');
  }
}
