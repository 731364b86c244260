import { type Browser, browser } from 'wxt/browser';
import { PageContext } from '../../shared/page-context';
import { type CaptureOptions, defaultCaptureOptions } from '../capture/types';
import { CAPTURE_BLOCKED_MESSAGE, isCaptureForbidden } from '../policy/capture-allowed';
import { currentFeatures, PAGE_CAPTURE_OFF_MESSAGE } from '../policy/features';

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

/**
 * The tab the panel works beside: the active tab of the window when it is a web page; otherwise (the panel
 * opened as a tab of its own) the web page used most recently in that window.
 */
export async function findPageTab(): Promise<Browser.tabs.Tab | undefined> {
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (active?.url && CAPTURABLE.test(active.url)) return active;
  const tabs = await browser.tabs.query({ lastFocusedWindow: true });
  return tabs
    .filter((tab) => tab.url && CAPTURABLE.test(tab.url))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

/**
 * Injects the capture script into the tab on demand (no content script runs on pages otherwise) and
 * validates what comes back with the same schema the worker uses.
 */
export async function captureTab(
  tab: Browser.tabs.Tab,
  options: CaptureOptions = defaultCaptureOptions,
  frameId?: number,
): Promise<PageContext> {
  if (tab.id === undefined) throw new CaptureError('No page to read.', 'no-tab');
  if (!tab.url || !CAPTURABLE.test(tab.url)) {
    throw new CaptureError(
      'Beside can’t read this kind of page (browser pages, the PDF viewer, the Web Store).',
      'restricted',
    );
  }
  // Policy first: on a page the organisation forbids, nothing is injected and nothing is read.
  if (!(await currentFeatures()).pageCapture) throw new CaptureError(PAGE_CAPTURE_OFF_MESSAGE, 'blocked');
  if (await isCaptureForbidden(tab.url)) throw new CaptureError(CAPTURE_BLOCKED_MESSAGE, 'blocked');
  // A selection made inside a (possibly cross-origin) frame is read in that frame.
  const target = frameId ? { tabId: tab.id, frameIds: [frameId] } : { tabId: tab.id };
  try {
    await browser.scripting.executeScript({
      target,
      func: (value: CaptureOptions) => {
        (globalThis as { __besideCaptureOptions?: CaptureOptions }).__besideCaptureOptions = value;
      },
      args: [options],
    });
    const [result] = await browser.scripting.executeScript({ target, files: ['/capture.js'] });
    const parsed = PageContext.safeParse(result?.result);
    if (!parsed.success) throw new CaptureError('The page could not be read.', 'failed');
    return parsed.data;
  } catch (error) {
    if (error instanceof CaptureError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/cannot access|permission|host/i.test(message)) {
      throw new CaptureError('Click the Beside toolbar button on this page to let Beside read it.', 'no-access');
    }
    throw new CaptureError(`The page could not be read: ${message}`, 'failed');
  }
}
