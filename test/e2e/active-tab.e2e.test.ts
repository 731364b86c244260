import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, upstreamRequests } from './harness';

/**
 * The panel follows the active tab of its window. On a tab Beside cannot read it says why and sends no page —
 * never the record that was open a moment ago in another tab.
 */
const OPPORTUNITY_AT = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZabAAF/view';
const RECORD_NAME = 'Acme Corp - 200 Widgets';

async function ask(panel: Page, question: string) {
  const input = panel.getByLabel('Your question');
  await input.fill(question);
  await input.press('Enter');
}

/** Opens a tab in the panel's own window, as the person would, and makes it the active one. */
async function openTabBeside(panel: Page, url: string) {
  await panel.evaluate(async (address) => {
    await chrome.tabs.create({ url: address, active: true });
  }, url);
}

async function requestsFor(question: string) {
  const requests = await upstreamRequests();
  return requests.filter(
    (request) => request.path === '/v1/chat/completions' && JSON.stringify(request.body).includes(question),
  );
}

/** The page block the worker builds from a captured page, as JSON text (the instructions only name the tag). */
const PAGE_BLOCK = /<page>\\nurl:/;

describe('the panel follows the active tab', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['a site Beside has no access to', 'localhost', /Click the Beside toolbar button/],
    ['a browser page', 'chrome://version', /can’t read this kind of page/],
  ])(
    'switching to %s: the chip says why, no quick action is offered, and the model gets no page',
    async (_name, where, explanation) => {
      const record = await browser.openFixture('salesforce-lightning--opportunity.html', { at: OPPORTUNITY_AT });
      const panel = await browser.openRealSidePanel(record);
      await expect
        .poll(() => panel.getByTestId('capture-chip').textContent(), { timeout: 15_000 })
        .toContain(RECORD_NAME);
      expect(await panel.getByRole('button', { name: 'Draft follow-up email' }).count()).toBe(1);

      const url =
        where === 'localhost'
          ? `${browser.fixturesUrl.replace('127.0.0.1', 'localhost')}/acme-opportunity.html`
          : where;
      await openTabBeside(panel, url);
      const chip = panel.getByTestId('capture-unavailable');
      await expect.poll(() => chip.textContent(), { timeout: 15_000 }).toMatch(explanation);
      expect(await panel.getByTestId('capture-chip').count()).toBe(0);
      expect(await panel.getByRole('toolbar', { name: 'Quick actions' }).count()).toBe(0);
      await browser.screenshot(panel, `active-tab-unreadable-${where === 'localhost' ? 'no-access' : 'browser-page'}`);

      const question = `What is this page about? ${crypto.randomUUID().slice(0, 8)}`;
      await ask(panel, `[[reply: I can’t see a page.]] ${question}`);
      await expect.poll(async () => (await requestsFor(question)).length, { timeout: 15_000 }).toBeGreaterThan(0);
      const body = (await requestsFor(question)).at(-1)?.body as { messages: { content: unknown }[] };
      expect(JSON.stringify(body.messages)).not.toMatch(PAGE_BLOCK);
      expect(JSON.stringify(body)).not.toContain(RECORD_NAME);
    },
  );
});
