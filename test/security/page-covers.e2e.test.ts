import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiddenMarker, type OwnPageCapture, ownPageCapture, seenMarker } from './support/own-page-capture';

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

describe('sheets laid over the whole page, each on a page of its own, in Chromium', () => {
  let pages: OwnPageCapture;

  beforeAll(async () => {
    pages = await ownPageCapture();
  });
  afterAll(async () => {
    await pages?.close();
  });

  for (const entry of cases) {
    it(`${entry.id}: ${entry.control ? 'SEEN gets in' : 'HIDDEN stays out, SEEN gets in'}`, async () => {
      const markdown = await pages.captured(entry.html);
      if (!entry.control) expect(markdown).not.toContain(hiddenMarker);
      expect(markdown).toContain(seenMarker);
      if (entry.id === 'fixed-app-shell') expect(markdown).toContain(`${seenMarker} below the fold`);
    });
  }
});
