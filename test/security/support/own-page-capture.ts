import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/lib/chromium';
import { bundleForPage, pageScripts } from '../../support/page-scripts';

/**
 * Markers a case writes as HIDDEN and SEEN, made unique on the page. Case matters: lower-case "hidden" is CSS
 * (overflow:hidden) and markup (hidden="until-found").
 */
export const hiddenMarker = 'HIDDENQZMARK';
export const seenMarker = 'SEENQZMARK';

export interface OwnPageCapture {
  /** The Markdown capture makes of `body`, served as a page of its own at one address, fonts loaded. */
  captured(body: string): Promise<string>;
  close(): Promise<void>;
}

type Capture = (document: Document, options: { tokenBudget: number }) => { markdown: string };
declare const __besideCapture: Capture;

/**
 * Chromium with one tab that reads each case on a page of its own, through the capture code the panel injects: for
 * tricks that would hide or reveal the text of other cases sharing their page.
 */
export async function ownPageCapture(): Promise<OwnPageCapture> {
  const script = await bundleForPage(pageScripts.capture);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  return {
    async captured(body) {
      const marked = body.replaceAll('HIDDEN', hiddenMarker).replaceAll('SEEN', seenMarker);
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Notes</title><style>body{font:16px/1.4 sans-serif;margin:16px;background:#fff;color:#111}</style></head><body><main><h1>Notes</h1>${marked}<p>A closing paragraph.</p></main></body></html>`;
      await page.goto('about:blank');
      await page.unroute('**/*');
      await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
      await page.goto('https://example.test/notes', { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.addScriptTag({ content: script });
      return page.evaluate(() => __besideCapture(document, { tokenBudget: 20_000 }).markdown);
    },
    close: () => browser.close(),
  };
}
