import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, upstreamRequests } from './harness';

const TICKET_AT = 'https://acme.zendesk.com/agent/tickets/4821';
const NOTE = 'no help-center article covers CSV exports over 500,000 rows';
const INVESTIGATION =
  'Needs a human. Ask Maria how many rows the report has and when the export stops, and involve the Reporting team with case ACME-CSV-77.';

const lastAnswer = (panel: Page) => panel.locator('article[data-role="assistant"]').last();

/**
 * Until the panel has its assistant picker, the request names the Support Resolver the way the picker will
 * (`assistantId` in the chat request); everything else is the panel's own request.
 */
async function chooseAssistant(panel: Page, workerUrl: string, assistantId: string) {
  await panel.route(`${workerUrl}/v1/chat`, async (route) => {
    const body = route.request().postDataJSON() as Record<string, unknown>;
    await route.continue({ postData: JSON.stringify({ ...body, assistantId }) });
  });
}

describe('hand-off on confidence in the panel', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`on a Zendesk ticket the Support Resolver hands the ticket to the Investigator, whose answer follows the note (${theme})`, async () => {
      await browser.openFixture('zendesk--ticket.html', { at: TICKET_AT });
      const panel = await browser.openPanel({ theme });
      await chooseAssistant(panel, browser.workerUrl, 'support-resolver');
      await expect.poll(() => panel.getByTestId('capture-chip').textContent(), { timeout: 15_000 }).toContain('4821');

      const tag = crypto.randomUUID().slice(0, 8);
      // The Resolver (the `default` alias, test-model) reports a low confidence; the Investigator (`smart`,
      // test-model-larger) answers.
      const input = panel.getByLabel('Your question');
      await input.fill(
        `[[tool@test-model: handoff {"confidence":0.2,"note":"${NOTE}"}]] [[reply@test-model-larger: ${INVESTIGATION}]] ` +
          `How do I resolve this ticket? ${tag}`,
      );
      await input.press('Enter');

      const answer = lastAnswer(panel);
      const note = answer.getByTestId('handoff-note');
      await expect.poll(() => note.textContent(), { timeout: 30_000 }).toBe(`→Handed to Support Investigator: ${NOTE}`);
      await expect.poll(() => answer.textContent(), { timeout: 30_000 }).toContain('involve the Reporting team');
      await expect.poll(() => panel.getByRole('button', { name: 'Send' }).isVisible(), { timeout: 30_000 }).toBe(true);

      // The note sits above the Investigator's words, and nothing scrolls sideways in the 360-px panel.
      const noteBox = await note.boundingBox();
      const textBox = await answer.getByText('Needs a human.', { exact: false }).first().boundingBox();
      expect(noteBox && textBox && noteBox.y + noteBox.height <= textBox.y).toBe(true);
      expect(await panel.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await note.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);

      // What really happened: the Resolver's request on test-model offered the handoff tool; the Investigator's
      // request went to test-model-larger with its own instructions and the note.
      const calls = (await upstreamRequests()).filter(
        (request) => request.path.endsWith('/chat/completions') && JSON.stringify(request.body).includes(tag),
      );
      const bodies = calls.map((request) => request.body as { model: string; messages: { content: unknown }[] });
      expect(bodies.map((body) => body.model)).toEqual(['test-model', 'test-model-larger']);
      expect(JSON.stringify(bodies[1]?.messages[0])).toContain('You investigate support tickets');
      expect(JSON.stringify(bodies[1]?.messages[0])).toContain(NOTE);

      await browser.screenshot(panel, `handoff-${theme}`);

      // The note is stored with the answer: reopened (the panel reloaded beside the same ticket), it is still there,
      // above the Investigator's words.
      await panel.reload();
      const reopened = lastAnswer(panel);
      await expect
        .poll(() => reopened.getByTestId('handoff-note').textContent(), { timeout: 30_000 })
        .toBe(`→Handed to Support Investigator: ${NOTE}`);
      await expect.poll(() => reopened.textContent(), { timeout: 30_000 }).toContain('involve the Reporting team');
    });
  }
});
