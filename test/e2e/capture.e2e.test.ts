import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, upstreamRequests } from './harness';

interface Expected {
  describe: string;
  mustContain: string[];
  mustNotContain: string[];
}

const expected = (name: string) =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../fixtures/pages', `${name}.expected.json`), 'utf8'),
  ) as Expected;

const pages = [
  {
    fixture: 'salesforce-lightning--opportunity',
    at: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZabAAF/view',
    question: 'What is the stage of this opportunity?',
  },
  {
    fixture: 'zendesk--ticket',
    at: 'https://acme.zendesk.com/agent/tickets/4821',
    question: 'What does the customer want?',
  },
];

describe('typed capture of app pages through the extension, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  // An article page asks for the article reader (a second script) before it answers: the two scripts, each minified
  // on its own, meet in the page, and the article reaches the model read by Readability, hidden lines left out.
  it('captures an article page through the article reader, without its hidden lines', async () => {
    await browser.openFixture('help-article.html');
    const panel = await browser.openPanel();
    const chip = panel.getByTestId('capture-chip');
    await expect.poll(() => chip.textContent(), { timeout: 15_000 }).toContain("Reset a teammate's password");
    const question = 'How long does a reset link stay valid?';
    await panel.getByLabel('Your question').fill(`[[reply: ok]] ${question}`);
    await panel.getByLabel('Your question').press('Enter');
    await expect
      .poll(() => panel.locator('article[data-role="assistant"]').last().textContent(), { timeout: 15_000 })
      .toContain('ok');
    const prompt = JSON.stringify(
      (await upstreamRequests()).filter((request) => JSON.stringify(request.body).includes(question)).at(-1)?.body,
    );
    expect(prompt).toContain('kind: article');
    expect(prompt).toContain('The link stays valid for 24 hours');
    expect(prompt).toContain('Send password reset');
    expect(prompt).not.toContain('ARTICLE-HIDDEN-MARKER');
  });

  for (const { fixture, at, question } of pages) {
    it(`captures ${fixture} as typed data, shows it in the chip, and sends it to the model`, async () => {
      const want = expected(fixture);
      await browser.openFixture(`${fixture}.html`, { at });
      const panel = await browser.openPanel();

      const chip = panel.getByTestId('capture-chip');
      await expect.poll(() => chip.textContent(), { timeout: 15_000 }).toContain(want.describe);
      await chip.getByRole('button', { name: want.describe }).click();
      const preview = (await panel.getByTestId('capture-preview').textContent()) ?? '';
      for (const text of want.mustContain) expect(preview).toContain(text);
      for (const text of want.mustNotContain) expect(preview).not.toContain(text);
      await browser.screenshot(panel, `capture-${fixture}`);
      // With the preview taking room, the first view still reads from its top (its title, then every suggestion).
      expect(await panel.locator('main.conversation').evaluate((area) => area.scrollTop)).toBe(0);

      const input = panel.getByLabel('Your question');
      await input.fill(`[[reply: ok]] ${question}`);
      await input.press('Enter');
      await expect
        .poll(() => panel.locator('article[data-role="assistant"]').last().textContent(), { timeout: 15_000 })
        .toContain('ok');
      const sent = (await upstreamRequests())
        .filter((request) => JSON.stringify(request.body).includes(question))
        .at(-1);
      const prompt = JSON.stringify(sent?.body);
      expect(prompt).toContain(want.mustContain[0]);
      expect(prompt).not.toContain('attacker@example.com');
    });
  }
});
