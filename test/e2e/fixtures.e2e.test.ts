import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factsOf, fixtureNames, scoreFacts, unexpectedlyMissing } from '../../extension/capture/testing/facts';
import { fixturesDirectory, loadExpected, savedUrl } from '../../extension/capture/testing/pages';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/chromium';
import type { PageContext } from '../../shared/page-context';
import { renderPageBlock } from '../../worker/prompt/page-block';
import { bundleForPage, pageScripts } from '../support/page-scripts';

/**
 * Every fixture page read as the panel reads it: in Chromium, at its own address, with real layout deciding what
 * shows (shadow roots, slots, the pages' own CSS). The facts its expected file lists must all reach the prompt,
 * and none of its hidden markers may. The pages written without looking at the extractors are the point.
 */
type Capture = (document: Document, options: { tokenBudget: number }) => PageContext;
declare const __besideCapture: Capture;

describe('every fixture page, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let scripts: string[];

  beforeAll(async () => {
    // Article pages ask for the reader first, as in the panel: it is loaded up front here.
    scripts = [await bundleForPage(pageScripts.capture), await bundleForPage(pageScripts.reader)];
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const name of fixtureNames()) {
    it(`${name}: every visible fact reaches the prompt, no hidden text does`, async () => {
      const html = readFileSync(join(fixturesDirectory, `${name}.html`), 'utf8');
      // Pages of one app differ only after the '#' (Gmail): without a blank page between, the document stays.
      await page.goto('about:blank');
      await page.unroute('**/*');
      await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
      await page.goto(savedUrl(html) ?? 'https://example.com/', { waitUntil: 'load' });
      for (const content of scripts) await page.addScriptTag({ content });
      const budget = name.includes('long-ticket') ? 50_000 : 6_000;
      const captured = await page.evaluate((tokenBudget) => __besideCapture(document, { tokenBudget }), budget);
      const expected = loadExpected(name);
      expect(captured.site).toBe(expected.site);
      const score = scoreFacts(renderPageBlock(captured, budget).text, factsOf(expected));
      expect(unexpectedlyMissing(score.missing, expected), 'missing facts (beyond the known gaps)').toEqual([]);
      expect(score.leaks, 'hidden text leaked').toEqual([]);
    });
  }
});
