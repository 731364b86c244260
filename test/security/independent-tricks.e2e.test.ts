import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/chromium';
import { bundleForPage, pageScripts } from '../support/page-scripts';

/**
 * Ways of hiding text, and unusual layouts that show it, written by a tester who did not look at the judge or at
 * hidden-text-tricks.ts (independent-tricks.json). Each runs on a page of its own, in Chromium, through the capture
 * code the panel injects: HIDDEN must stay out of what is captured, SEEN must get in. Entries with a `gap` are
 * the known gaps, said in test/security/README.md, and are not run: fixing one means removing its `gap`.
 */
interface Entry {
  id: string;
  kind: 'trick' | 'control';
  why: string;
  html: string;
  gap?: string;
}

const entries: Entry[] = JSON.parse(readFileSync(resolve(import.meta.dirname, 'independent-tricks.json'), 'utf8'));
const hidden = 'HIDDENQZMARK';
const seen = 'SEENQZMARK';

type Capture = (document: Document, options: { tokenBudget: number }) => { markdown: string };
declare const __besideCapture: Capture;

describe('tricks written without looking at the judge, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let script: string;

  beforeAll(async () => {
    script = await bundleForPage(pageScripts.capture);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has tricks and controls to run, and says why each gap is one', () => {
    expect(entries.filter((entry) => entry.kind === 'trick' && !entry.gap).length).toBeGreaterThanOrEqual(20);
    expect(entries.filter((entry) => entry.kind === 'control' && !entry.gap).length).toBeGreaterThanOrEqual(10);
    for (const entry of entries) if ('gap' in entry) expect(entry.gap, entry.id).toMatch(/\w{3}/);
  });

  async function captured(entry: Entry): Promise<string> {
    // Case matters: lower-case "hidden" is CSS (overflow:hidden) and markup (hidden="until-found").
    const body = entry.html.replaceAll('HIDDEN', hidden).replaceAll('SEEN', seen);
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Notes</title><style>body{font:16px/1.4 sans-serif;margin:16px;background:#fff;color:#111}</style></head><body><main><h1>Notes</h1>${body}<p>A closing paragraph.</p></main></body></html>`;
    await page.goto('about:blank');
    await page.unroute('**/*');
    await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    await page.goto('https://example.test/notes', { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.addScriptTag({ content: script });
    return page.evaluate(() => __besideCapture(document, { tokenBudget: 20_000 }).markdown);
  }

  for (const entry of entries.filter((candidate) => !candidate.gap)) {
    it(`${entry.kind} ${entry.id}: ${entry.kind === 'trick' ? 'HIDDEN stays out, SEEN gets in' : 'SEEN gets in'}`, async () => {
      const markdown = await captured(entry);
      if (entry.kind === 'trick') expect(markdown, entry.why).not.toContain(hidden);
      expect(markdown, entry.why).toContain(seen);
    });
  }
});
