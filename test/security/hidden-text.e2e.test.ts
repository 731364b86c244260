import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, upstreamRequests } from '../e2e/harness';
import { controls, hiddenMarker, hiddenTextPage, seenMarker, skippedLayoutMarker, tricks } from './hidden-text-tricks';

/**
 * Hidden-text prompt injection against page capture, in real Chromium through the built extension: one page
 * holds every hiding trick (each with a visible neighbour) and every unusual-but-visible layout. The panel
 * captures it, the person asks a question, and the prompt the test upstream receives is checked marker by marker.
 */
/** Polls until `read` gives text containing `wanted` (expect.poll only works inside a test). */
async function until(read: () => Promise<string | null>, wanted: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!((await read()) ?? '').includes(wanted)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${wanted}"`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

describe('hidden text never reaches the model; visible neighbours do', () => {
  let browser: Browser;
  let prompt = '';
  let preview = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const url = `${browser.fixturesUrl}/generated/hidden-text.html`;
    await browser.context.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hiddenTextPage() }),
    );
    const page = await browser.context.newPage();
    await page.goto(url);
    // The page's web fonts (a blank one among them) are drawn once loaded, as the person then sees the page.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.bringToFront();

    const panel = await browser.openPanel();
    const chip = panel.getByTestId('capture-chip');
    await until(() => chip.textContent(), 'Release notes');
    await chip.getByRole('button').first().click();
    preview = (await panel.getByTestId('capture-preview').textContent()) ?? '';

    const question = 'Which release notes are on this page? (hidden text suite)';
    const input = panel.getByLabel('Your question');
    await input.fill(`[[reply: ok]] ${question}`);
    await input.press('Enter');
    await until(() => panel.locator('article[data-role="assistant"]').last().textContent(), 'ok');
    const sent = (await upstreamRequests()).filter((request) => JSON.stringify(request.body).includes(question)).at(-1);
    prompt = JSON.stringify(sent?.body ?? '');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('captured the page and sent it to the model', () => {
    expect(prompt).toContain('Release notes');
    expect(preview).toContain('Release notes');
  });

  for (const trick of tricks) {
    it(`${trick.id}: the hidden marker stays out, its visible neighbour gets in`, () => {
      expect(prompt, 'hidden text reached the model').not.toContain(hiddenMarker(trick));
      expect(preview, 'hidden text shown as captured').not.toContain(hiddenMarker(trick));
      expect(prompt, 'visible neighbour lost').toContain(seenMarker(trick));
    });
  }

  for (const control of controls) {
    it(`${control.id}: visible text is kept`, () => {
      expect(prompt).toContain(seenMarker(control));
    });
  }

  it('content-visibility:auto text below the fold is kept (its layout is skipped, not hidden)', () => {
    expect(prompt).toContain(skippedLayoutMarker);
  });
});
