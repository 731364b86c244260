import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/chromium';
import { bundleForPage, pageScripts } from '../support/page-scripts';

/**
 * Sheets laid over the whole page: a fixed box that fills the viewport, a modal dialog's `::backdrop`, a popover
 * in the top layer. Each hides every other text of its page, so each runs on a page of its own (the suite of
 * hidden-text-tricks.ts shares one page), in Chromium, through the capture code the panel injects: HIDDEN must stay
 * out of what is captured, SEEN (drawn on the sheet, or a layout that only looks like one) must get in.
 */
interface Case {
  id: string;
  html: string;
  /** Visible text only: nothing is laid over it. */
  control?: true;
}

const sheet = 'position:fixed;inset:0;margin:0;width:auto;height:auto;max-width:none;max-height:none;border:0';

const cases: Case[] = [
  { id: 'fixed-sheet-over-the-page', html: `<p>HIDDEN</p><div style="${sheet};background:#fff"><p>SEEN</p></div>` },
  {
    id: 'fixed-sheet-over-text-below-the-fold',
    html: `<div style="height:3000px"></div><p>HIDDEN</p><div style="${sheet};background:#fafafa"><p>SEEN</p></div>`,
  },
  {
    id: 'fixed-sheet-over-positioned-text',
    html: `<p style="position:relative">HIDDEN</p><div style="${sheet};background:#fff;z-index:1"><p>SEEN</p></div>`,
  },
  {
    id: 'modal-dialog-opaque-backdrop',
    html: `<style>dialog::backdrop{background:#fff}</style><p>HIDDEN</p><dialog id="modal"><p>SEEN</p></dialog><script>document.getElementById('modal').showModal()</script>`,
  },
  {
    id: 'popover-filling-the-viewport',
    html: `<p style="position:relative;z-index:99">HIDDEN</p><div popover id="pop" style="${sheet};background:#fff"><p>SEEN</p></div><script>document.getElementById('pop').showPopover()</script>`,
  },
  {
    id: 'fixed-sheet-behind-the-page',
    control: true,
    html: `<div style="${sheet};background:#fff;z-index:-1"></div><p>SEEN</p>`,
  },
  {
    id: 'fixed-app-shell',
    control: true,
    html: `<div style="${sheet};background:#fff;overflow:auto"><p>SEEN</p><div style="height:3000px"></div><p>SEEN below the fold</p></div>`,
  },
  {
    id: 'positioned-text-over-a-fixed-sheet',
    control: true,
    html: `<div style="${sheet};background:#fff"></div><p style="position:relative;z-index:1">SEEN</p>`,
  },
  {
    id: 'translucent-fixed-sheet',
    control: true,
    html: `<p>SEEN</p><div style="${sheet};background:rgba(0,0,0,0.3)"></div>`,
  },
  {
    id: 'modal-dialog-default-backdrop',
    control: true,
    html: `<p>SEEN</p><dialog id="modal"><p>SEEN in the dialog</p></dialog><script>document.getElementById('modal').showModal()</script>`,
  },
  {
    id: 'fixed-sheet-in-a-closed-drawer',
    control: true,
    html: `<p>SEEN</p><div style="display:none"><div style="${sheet};background:#fff"></div></div>`,
  },
];

const hidden = 'HIDDENQZMARK';
const seen = 'SEENQZMARK';

type Capture = (document: Document, options: { tokenBudget: number }) => { markdown: string };
declare const __besideCapture: Capture;

describe('sheets laid over the whole page, each on a page of its own, in Chromium', () => {
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

  async function captured(entry: Case): Promise<string> {
    const body = entry.html.replaceAll('HIDDEN', hidden).replaceAll('SEEN', seen);
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Notes</title><style>body{font:16px/1.4 sans-serif;margin:16px;background:#fff;color:#111}</style></head><body><main>${body}</main></body></html>`;
    await page.goto('about:blank');
    await page.unroute('**/*');
    await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    await page.goto('https://example.test/notes', { waitUntil: 'load' });
    await page.addScriptTag({ content: script });
    return page.evaluate(() => __besideCapture(document, { tokenBudget: 20_000 }).markdown);
  }

  for (const entry of cases) {
    it(`${entry.id}: ${entry.control ? 'SEEN gets in' : 'HIDDEN stays out, SEEN gets in'}`, async () => {
      const markdown = await captured(entry);
      if (!entry.control) expect(markdown).not.toContain(hidden);
      expect(markdown).toContain(seen);
      if (entry.id === 'fixed-app-shell') expect(markdown).toContain(`${seen} below the fold`);
    });
  }
});
