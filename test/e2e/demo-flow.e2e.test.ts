import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type DemoServer, startDemoServer } from './demo-setup';
import { type Browser, e2eConfig, launchBrowser } from './harness';

/**
 * The README's quick start, as a newcomer walks it: `npm run dev -- --demo-model` — the worker serves the demo pages,
 * the sample knowledge is seeded, and the demo model answers from what it is given. The three flows on the demo
 * pages: a cited answer beside the opportunity, Summarize selection on the help-center article, and a follow-up
 * email drafted from the Gmail thread.
 */

let demo: DemoServer;
let browser: Browser;

beforeAll(async () => {
  const { devToken } = e2eConfig();
  demo = await startDemoServer(devToken);
  browser = await launchBrowser({ language: 'en' });
  await browser.configure({ workerUrl: demo.worker.url, token: devToken });
  // A second worker, the sample knowledge and a browser: slow on a busy machine.
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

async function openDemo(path: string): Promise<Page> {
  const tab = await browser.context.newPage();
  await tab.goto(`${demo.worker.url}${path}`);
  await tab.bringToFront();
  return tab;
}

const lastAnswer = (panel: Page) => panel.locator('article[data-role="assistant"]').last();
const answered = (panel: Page) =>
  expect.poll(() => panel.getByRole('button', { name: 'Send' }).isVisible(), { timeout: 30_000 }).toBe(true);

describe('quick start on the demo pages with the demo model', () => {
  it('1. chat beside the opportunity: the answer quotes the page and the pricing knowledge with inline badges', async () => {
    const tab = await openDemo(DEMO.opportunity);
    const panel = await browser.openPanel({ theme: 'light' });
    const chip = panel.getByTestId('capture-chip');
    // Read as a Lightning record: object type, name, stage, amount.
    await expect
      .poll(() => chip.textContent(), { timeout: 20_000 })
      .toContain('Globex Logistics - Beacon Growth Renewal');
    expect(await chip.textContent()).toContain('Opportunity');

    const input = panel.getByLabel('Your question');
    await input.fill('Does a three-year commitment change the discount?');
    await input.press('Enter');
    const answer = lastAnswer(panel);
    await expect
      .poll(() => answer.textContent(), { timeout: 30_000 })
      .toContain('Demo answer (no AI model configured)');
    await answered(panel);
    const text = (await answer.textContent()) ?? '';
    // From the page: Dana's question on the renewal call. From the knowledge: 15 % for three years.
    expect(text).toContain('three-year commitment');
    expect(text).toMatch(/15\s?%/);
    // Inline citation badges (Citations.tsx): one for this page, at least one for a knowledge passage.
    const badges = answer.getByTestId('citation');
    // The badges come with the Markdown renderer, which loads once the panel has shown the page.
    await badges.first().waitFor({ timeout: 10_000 });
    const labels = await badges.allTextContents();
    expect(labels).toContain('P');
    expect(labels.some((label) => /^\d+$/.test(label))).toBe(true);
    expect(await answer.locator('.citation--page').count()).toBeGreaterThan(0);
    // A badge sits in its sentence, not on a line of its own.
    const badge = answer.locator('.markdown [data-testid="citation"]').first();
    const paragraphDisplay = await badge.evaluate((element) => getComputedStyle(element).display);
    expect(paragraphDisplay).not.toBe('block');
    // A knowledge badge opens its passage.
    const knowledgeBadge = answer.locator('.markdown [data-testid="citation"]:not(.citation--page)').first();
    await knowledgeBadge.click();
    const popover = panel.locator('[data-testid="citation-popover"]:popover-open');
    await expect.poll(() => popover.textContent(), { timeout: 5_000 }).toMatch(/company knowledge/i);
    expect(await popover.textContent()).toContain('Pricing and packaging');
    await browser.screenshot(panel, 'demo-flow-answer-popover');
    await panel.keyboard.press('Escape');
    expect(await answer.locator('.sources').textContent()).toContain('Pricing and packaging');
    await browser.screenshot(panel, 'demo-flow-answer');
    await panel.close();
    await tab.close();
  });

  it('1b. a follow-up question gets company knowledge too, searched with the conversation’s words', async () => {
    const tab = await openDemo(DEMO.opportunity);
    const panel = await browser.openPanel({ theme: 'light' });
    await expect
      .poll(() => panel.getByTestId('capture-chip').textContent(), { timeout: 20_000 })
      .toContain('Globex Logistics - Beacon Growth Renewal');
    // A conversation of its own (the record's earlier one would otherwise reopen).
    await panel
      .getByRole('button', { name: /^New conversation/ })
      .first()
      .click();
    const input = panel.getByLabel('Your question');
    await input.fill('What discount can a rep approve on a multi-year commitment?');
    await input.press('Enter');
    await answered(panel);
    await expect.poll(() => panel.locator('article[data-role="assistant"]').count(), { timeout: 30_000 }).toBe(1);

    // A follow-up that names no topic of its own: the search still finds the pricing passage, from the first question.
    const followUp = 'And for three years?';
    await input.fill(followUp);
    await input.press('Enter');
    await expect.poll(() => panel.locator('article[data-role="assistant"]').count(), { timeout: 30_000 }).toBe(2);
    await answered(panel);
    const request = demo.model.requests.findLast(
      (candidate) =>
        candidate.path === '/v1/chat/completions' &&
        JSON.stringify((candidate.body as { messages?: unknown[] })?.messages?.at(-1) ?? '').includes(followUp),
    );
    const prompt = JSON.stringify(request?.body ?? '');
    // The knowledge block of the follow-up's own request carries the three-year rule, numbered for citation.
    expect(prompt).toMatch(/<passage n=\\"\d+\\"/);
    expect(prompt).toMatch(/15\s?\*{0,2}\s?%\*{0,2} for three years/);
    // And the answer cites it with a numbered badge.
    const labels = await lastAnswer(panel).getByTestId('citation').allTextContents();
    expect(labels.some((label) => /^\d+$/.test(label))).toBe(true);
    await browser.screenshot(panel, 'demo-flow-follow-up-knowledge');
    await panel.close();
    await tab.close();
  });

  it('2. right-click → Summarize selection on the help-center article summarizes exactly the steps', async () => {
    const tab = await openDemo(DEMO.article);
    const selected = await tab.evaluate(() => {
      const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent?.includes('Configure your'))!;
      const steps = heading.nextElementSibling!;
      const range = document.createRange();
      range.setStartBefore(heading);
      range.setEndAfter(steps);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    expect(selected).toContain('ACS URL');
    await browser.serviceWorker.evaluate(
      async ({ url, text }) => {
        const [target] = await chrome.tabs.query({ url });
        if (!target) throw new Error(`no tab at ${url}`);
        const info = { menuItemId: 'summarize-selection', selectionText: text, pageUrl: url, editable: false };
        (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, target);
      },
      { url: tab.url(), text: selected },
    );
    const panel = await browser.openPanel({ theme: 'light' });
    const request = panel.locator('article[data-role="user"]').last();
    await expect.poll(() => request.textContent(), { timeout: 20_000 }).toContain('Summarize the selected text');
    const summary = lastAnswer(panel);
    await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toContain('Demo summary');
    await answered(panel);
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain('ACS URL');
    // Only the selection: not the sections around it.
    expect(text).not.toContain('Require SSO');
    expect(text).not.toContain('4 business hours');
    // Nothing about the page's address, and no citation the panel cannot show (a selection has no page source).
    expect(text).not.toMatch(/url:|captured:|\[P\]/);
    // The selected text stays with the request, folded.
    expect(await request.getByTestId('selection-quote').locator('summary').textContent()).toMatch(/Selected text/);
    await browser.screenshot(panel, 'demo-flow-summarize-selection');
    await panel.close();
    await tab.close();
  });

  it('3. one click → Draft follow-up email on the Gmail thread: a subject and a body from the thread’s facts', async () => {
    const tab = await openDemo(DEMO.thread);
    const panel = await browser.openPanel({ theme: 'light' });
    await expect
      .poll(() => panel.getByTestId('capture-chip').textContent(), { timeout: 20_000 })
      .toContain('three-year quote');
    await panel.getByRole('button', { name: 'Draft follow-up email' }).click();
    const draft = panel.getByTestId('draft');
    await expect.poll(() => draft.getAttribute('data-status'), { timeout: 30_000 }).toBe('ready');
    const subject = await panel.getByTestId('draft-subject').inputValue();
    expect(subject).toMatch(/^Following up: /);
    expect(subject).toContain('three-year quote');
    const body = await panel.getByTestId('draft-body').inputValue();
    expect(body).toContain('Demo draft, no AI model configured');
    expect(body).toMatch(/^Hi \w+,/m);
    await panel.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(() => panel.getByTestId('draft-status').textContent(), { timeout: 10_000 }).toMatch(/copied/i);
    await browser.screenshot(panel, 'demo-flow-draft');
    await panel.close();
    await tab.close();
  });
});
