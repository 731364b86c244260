import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/chromium';
import { blankFontFace } from '../security/support/blank-font';
import { bundleForPage } from '../support/page-scripts';

/**
 * The shortcuts capture takes with real layout, in Chromium: the one walk of what the page renders (subtrees
 * with `display: none` are not entered), the first visible match found by passing over hidden subtrees, and
 * computed styles read once per capture. Each could hide visible text or let hidden text through if its rule
 * were wrong, so each is checked against the CSS that bends it: `visibility` set back to visible under a hidden
 * ancestor, hiding by markup and by opacity, and a page that changes between two captures.
 */

const recordUrl = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZabAAF/view';

/** The capture code as the panel injects it, with the walker's queries beside it for the checks below. */
async function captureScript(): Promise<string> {
  return bundleForPage(
    `import { capturePage } from './extension/capture/registry';
import { resetVisibility } from './extension/capture/dom/visibility';
import { queryAllDeep, resetWalk, visibleAllDeep, visibleFirstDeep } from './extension/capture/dom/walk';
const fresh = () => { resetVisibility(); resetWalk(); };
globalThis.__capture = { capturePage, fresh, queryAllDeep, visibleAllDeep, visibleFirstDeep };`,
  );
}

/** Shadow roots are written declaratively, so the page must come from the parser: served at `url`. */
async function load(page: Page, url: string, body: string, script: string): Promise<void> {
  const html = `<!DOCTYPE html><html><head><title>Layout</title></head><body>${body}</body></html>`;
  await page.unroute('**/*');
  await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: script });
}

type Api = {
  capturePage: (document: Document, options: { tokenBudget: number }) => { markdown: string; truncated: boolean };
  fresh: () => void;
  queryAllDeep: (root: ParentNode, selector: string) => Element[];
  visibleAllDeep: (root: ParentNode, selector: string) => Element[];
  visibleFirstDeep: (root: ParentNode, selector: string) => Element | undefined;
};
declare const __capture: Api;

describe('capture’s layout shortcuts keep visible text and only visible text, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let script: string;

  beforeAll(async () => {
    script = await captureScript();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The page's Markdown as a fresh capture reads it, the page served at `url`. */
  async function captured(url: string, body: string): Promise<string> {
    await load(page, url, body, script);
    return page.evaluate(() => {
      __capture.fresh();
      return __capture.capturePage(document, { tokenBudget: 2_000 }).markdown;
    });
  }

  it('enters shadow roots under visibility:hidden (a descendant may show itself) but never under display:none', async () => {
    await load(
      page,
      'https://example.com/components',
      `<div style="visibility:hidden"><x-card><template shadowrootmode="open"><p class="v" style="visibility:visible">seen-revisible</p><p class="v">gone-still-hidden</p></template></x-card></div>
       <div style="display:none"><x-card><template shadowrootmode="open"><p class="v">gone-display-none</p></template></x-card></div>
       <x-card><template shadowrootmode="open"><p class="v">seen-plain</p></template></x-card>`,
      script,
    );
    const found = await page.evaluate(() => {
      __capture.fresh();
      const all = __capture.queryAllDeep(document, '.v').map((element) => element.textContent);
      const markdown = __capture.capturePage(document, { tokenBudget: 2_000 }).markdown;
      return { all, markdown };
    });
    expect(found.all).toContain('seen-revisible');
    expect(found.all).toContain('seen-plain');
    expect(found.all).not.toContain('gone-display-none');
    expect(found.markdown).toContain('seen-revisible');
    expect(found.markdown).toContain('seen-plain');
    expect(found.markdown).not.toContain('gone-still-hidden');
    expect(found.markdown).not.toContain('gone-display-none');
  });

  it('reads a record field whose value shows itself again inside a hidden wrapper, and none under display:none', async () => {
    const markdown = await captured(
      recordUrl,
      `<div class="oneContent"><records-highlights2><h1><div class="entityNameTitle">Opportunity</div><slot name="primaryField"><lightning-formatted-text>Acme Widgets</lightning-formatted-text></slot></h1></records-highlights2>
       <div style="visibility:hidden"><records-record-layout-item field-label="Stage"><template shadowrootmode="open"><span class="test-id__field-value" style="visibility:visible">Negotiation-seen</span></template></records-record-layout-item></div>
       <div style="display:none"><records-record-layout-item field-label="Secret"><template shadowrootmode="open"><span class="test-id__field-value">leak-display-none</span></template></records-record-layout-item></div></div>`,
    );
    expect(markdown).toContain('Stage');
    expect(markdown).toContain('Negotiation-seen');
    expect(markdown).not.toContain('leak-display-none');
    expect(markdown).not.toContain('Secret');
  });

  it('judges colours against the dark canvas of a page that asks for a dark colour scheme', async () => {
    // No background anywhere: the browser paints the page on its dark canvas (#121212), not on white.
    const markdown = await captured(
      'https://example.com/dark',
      `<style>:root{color-scheme:dark}</style><p style="color:#fff">seen-light-on-dark-canvas</p><p style="color:#121212">leak-dark-on-dark-canvas</p>`,
    );
    expect(markdown).toContain('seen-light-on-dark-canvas');
    expect(markdown).not.toContain('leak-dark-on-dark-canvas');
  });

  it('leaves out what lies beyond the sides of a page that cannot scroll sideways, unless a box scrolls it into view', async () => {
    const markdown = await captured(
      'https://example.com/no-sideways-scroll',
      `<style>html,body{overflow-x:hidden}</style><p>seen-on-page</p>
       <div style="position:absolute;left:300vw;top:0">leak-right-of-page</div>
       <p style="transform:translateX(150vw)">leak-translated-right</p>
       <div style="overflow-x:auto"><div style="width:4000px;display:flex;justify-content:flex-end"><span>seen-in-sideways-scroller</span></div></div>`,
    );
    expect(markdown).toContain('seen-on-page');
    expect(markdown).toContain('seen-in-sideways-scroller');
    expect(markdown).not.toContain('leak-right-of-page');
    expect(markdown).not.toContain('leak-translated-right');
  });

  it('reads what a pane that scrolls one way and clips the other brings into view, on a page that cannot scroll', async () => {
    // As the Lightning console lays out a record: the page is fixed to the window, one pane scrolls it vertically.
    const markdown = await captured(
      'https://example.com/app-shell',
      `<style>html,body{margin:0;height:100%;overflow:hidden}</style>
       <div style="height:100%;overflow-x:hidden;overflow-y:auto"><p>seen-at-top</p><div style="height:3000px"></div>
         <p>seen-far-below-in-pane</p><div style="position:relative;left:3000px">leak-clipped-sideways</div></div>`,
    );
    expect(markdown).toContain('seen-at-top');
    expect(markdown).toContain('seen-far-below-in-pane');
    expect(markdown).not.toContain('leak-clipped-sideways');
  });

  it('reads text slotted into a component whose own shadow tree paints a positioned card around it', async () => {
    // As lightning-card draws a related list's title: the card is in the shadow tree, the title is the host's child.
    const markdown = await captured(
      'https://example.com/cards',
      `<x-card><template shadowrootmode="open"><article style="position:relative;background:#fff;padding:8px"><h2><slot name="title"></slot></h2><slot></slot></article></template>
         <span slot="title">seen-slotted-title</span><p>seen-slotted-body</p></x-card>
       <div style="position:relative"><p style="margin:0">leak-under-sheet</p><x-sheet style="position:absolute;inset:0"><template shadowrootmode="open"><div style="position:absolute;inset:0;background:#fff"></div></template></x-sheet></div>`,
    );
    expect(markdown).toContain('seen-slotted-title');
    expect(markdown).toContain('seen-slotted-body');
    expect(markdown).not.toContain('leak-under-sheet');
  });

  it('reads white text on a dark fixed backdrop everywhere on the page, but not on a white card over it', async () => {
    const markdown = await captured(
      'https://example.com/dark-backdrop',
      `<div style="position:fixed;inset:0;background:#0f172a;z-index:-1"></div>
       <p style="color:#fff">seen-at-the-top</p><div style="height:3000px"></div><p style="color:#fff">seen-below-the-fold</p>
       <div style="background:#fff"><p style="color:#fff">leak-white-on-white-card</p></div>`,
    );
    expect(markdown).toContain('seen-at-the-top');
    expect(markdown).toContain('seen-below-the-fold');
    expect(markdown).not.toContain('leak-white-on-white-card');
  });

  it('finds the first visible match past hidden subtrees, without passing over one that shows itself', async () => {
    await load(
      page,
      'https://example.com/records',
      `<section style="display:none"><p class="m">gone-1</p><p class="m">gone-2</p></section>
       <section aria-hidden="true"><div><p class="m">gone-3</p></div></section>
       <section style="opacity:0"><p class="m">gone-4</p></section>
       <section style="visibility:hidden"><div><p class="m" style="visibility:visible">first-visible</p></div></section>
       <p class="m">second-visible</p>`,
      script,
    );
    const found = await page.evaluate(() => {
      __capture.fresh();
      const first = __capture.visibleFirstDeep(document, '.m')?.textContent;
      const all = __capture.visibleAllDeep(document, '.m').map((element) => element.textContent);
      return { first, all };
    });
    expect(found.first).toBe('first-visible');
    expect(found.all).toEqual(['first-visible', 'second-visible']);

    await load(
      page,
      'https://example.com/records',
      `<div style="display:none"><p class="m">gone</p></div><div><div hidden><p class="m">gone too</p></div></div>`,
      script,
    );
    expect(
      await page.evaluate(() => {
        __capture.fresh();
        return __capture.visibleFirstDeep(document, '.m') ?? null;
      }),
    ).toBeNull();
  });

  it('reads styles afresh on every capture: a page that hides or shows text between two captures is read as it is', async () => {
    await load(
      page,
      'https://example.com/changing',
      '<main><h1>Notes</h1><p id="a">seen-then-hidden</p><p id="b" style="color:#fff">hidden-then-seen</p></main>',
      script,
    );
    const first = await page.evaluate(() => __capture.capturePage(document, { tokenBudget: 2_000 }).markdown);
    expect(first).toContain('seen-then-hidden');
    expect(first).not.toContain('hidden-then-seen');
    const second = await page.evaluate(() => {
      (document.getElementById('a') as HTMLElement).style.display = 'none';
      (document.getElementById('b') as HTMLElement).style.color = '#111';
      return __capture.capturePage(document, { tokenBudget: 2_000 }).markdown;
    });
    expect(second).not.toContain('seen-then-hidden');
    expect(second).toContain('hidden-then-seen');
  });

  it('reads a page that loads an icon font (letters drawn as nothing) once, leaving out the icons’ names', async () => {
    const body = (icons: string) =>
      `${icons}<h1>Inbox</h1>${'<p>seen-message from a customer about an order</p>'.repeat(40)}<span class="icon">archive</span>`;
    /** The computed styles one capture asks for: each read of the page is one per element it judges. */
    const stylesAsked = () =>
      page.evaluate(() => {
        const original = window.getComputedStyle;
        let asked = 0;
        window.getComputedStyle = (element: Element, pseudo?: string | null) => {
          asked++;
          return original.call(window, element, pseudo);
        };
        try {
          __capture.fresh();
          const { markdown } = __capture.capturePage(document, { tokenBudget: 2_000 });
          return { asked, markdown };
        } finally {
          window.getComputedStyle = original;
        }
      });
    await load(page, 'https://mail.example.com/inbox', body('<style>.icon{font-family:serif}</style>'), script);
    const plain = await stylesAsked();
    await load(
      page,
      'https://mail.example.com/inbox',
      body(`<style>${blankFontFace('Icons')}.icon{font-family:Icons}</style>`),
      script,
    );
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const withIcons = await stylesAsked();
    expect(plain.markdown).toContain('archive');
    expect(withIcons.markdown).toContain('seen-message');
    expect(withIcons.markdown).not.toContain('archive');
    // Read twice (once as usual, then again asking each text's font), it would ask about twice as many.
    expect(withIcons.asked).toBeLessThan(plain.asked * 1.5);
  });

  it('reads a page larger than a call can take arguments as far as the budget keeps, and says it cut', async () => {
    // 130,000 rows slotted into a component (spread into one call, a slot's nodes threw), then a long table.
    const slotted = '<p>Slotted row</p>'.repeat(130_000);
    const rows = '<tr><td>Order</td><td>Open</td></tr>'.repeat(10_000);
    await load(
      page,
      'https://example.com/inventory',
      `<h1>Inventory</h1><x-list><template shadowrootmode="open"><slot></slot></template>${slotted}</x-list><table>${rows}</table>`,
      script,
    );
    const captured = await page.evaluate(() => {
      __capture.fresh();
      return __capture.capturePage(document, { tokenBudget: 2_000 });
    });
    expect(captured.markdown.startsWith('# Inventory\n\nSlotted row\n\nSlotted row')).toBe(true);
    expect(captured.truncated).toBe(true);
    expect(captured.markdown.length).toBeLessThanOrEqual(8_000);
  }, 120_000);
});
