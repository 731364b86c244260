import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, upstreamRequests } from './harness';

/**
 * Assistants in the panel, in Chromium against the worker under wrangler dev: the picker (keyboard), the chosen
 * assistant's id on the request and its instructions at the model, who answered under the answer (live and reopened
 * from history), @mention for one question, and the assistant suggested for a Zendesk ticket.
 */

const ZENDESK_AT = 'https://acme.zendesk.com/agent/tickets/4821';
const lastAnswer = (panel: Page) => panel.locator('article[data-role="assistant"]').last();
const picker = (panel: Page) => panel.getByTestId('assistant-picker');

/** The next chat request the panel sends, with its JSON body. */
function nextChatRequest(panel: Page): Promise<Request> {
  return panel.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/v1/chat'));
}

async function ask(panel: Page, question: string) {
  const input = panel.getByLabel('Your question');
  await input.fill(question);
  await input.press('Enter');
}

async function answered(panel: Page, text: string) {
  await expect.poll(() => lastAnswer(panel).textContent(), { timeout: 15_000 }).toContain(text);
  await expect.poll(() => panel.getByRole('button', { name: 'Send' }).isVisible(), { timeout: 15_000 }).toBe(true);
}

/** The system prompt of the newest upstream request whose body contains `needle`. */
async function promptContaining(needle: string): Promise<string> {
  const request = (await upstreamRequests())
    .filter((recorded) => JSON.stringify(recorded.body).includes(needle))
    .at(-1);
  const messages = (request?.body as { messages?: { role: string; content: unknown }[] } | undefined)?.messages ?? [];
  return messages
    .filter((message) => message.role === 'system' || message.role === 'developer')
    .map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content)))
    .join('\n');
}

describe('assistants in the panel', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('picks an assistant with the keyboard: the request carries its id, the answer says who answered', async () => {
    await browser.openFixture('acme-opportunity.html');
    const panel = await browser.openPanel({ theme: 'light' });
    await expect.poll(() => picker(panel).textContent(), { timeout: 15_000 }).toContain('General');
    // The empty state offers the chosen assistant's starters.
    await panel.getByRole('button', { name: 'What does our knowledge base say about this?' }).waitFor();

    await picker(panel).focus();
    await panel.keyboard.press('ArrowDown');
    const list = panel.getByRole('listbox', { name: 'Assistants' });
    await list.waitFor();
    expect(await list.getByRole('option').count()).toBeGreaterThanOrEqual(7);
    expect(await list.getByRole('option', { selected: true }).textContent()).toContain('General');
    await panel.keyboard.press('ArrowDown');
    await browser.screenshot(panel, 'assistants-picker-light');
    await panel.keyboard.press('Enter');
    await expect.poll(() => list.count()).toBe(0);
    await expect.poll(() => picker(panel).textContent()).toContain('Sales');
    // Focus returns to the picker, and the starters are the Sales assistant's.
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('assistant-picker');
    await panel.getByRole('button', { name: 'Brief me on this account before my call' }).waitFor();

    const run = crypto.randomUUID().slice(0, 8);
    const request = nextChatRequest(panel);
    await ask(panel, `[[reply: Two risks ${run}.]] What are the risks here?`);
    expect((await request).postDataJSON().assistantId).toBe('sales');
    await answered(panel, `Two risks ${run}.`);
    const line = panel.getByTestId('answered-by').last();
    await expect.poll(() => line.textContent()).toContain('Answered by Sales');
    expect(await line.textContent()).toContain('default');
    expect(await line.textContent()).toContain('test-model');
    // The Sales assistant's own instructions reached the model, not General's.
    const prompt = await promptContaining(run);
    expect(prompt).toContain('You help account executives');
    await browser.screenshot(panel, 'assistants-answered-by-light');

    // The person moves on to General; reopening the conversation selects Sales again, the assistant it was with.
    await picker(panel).click();
    await panel.getByRole('option', { name: /General/ }).click();
    await expect.poll(() => picker(panel).textContent()).toContain('General');

    // Reopened from history, the stored answer still says who answered.
    const reopened = await browser.openPanel({ theme: 'dark' });
    await expect.poll(() => lastAnswer(reopened).textContent(), { timeout: 15_000 }).toContain(`Two risks ${run}.`);
    await expect.poll(() => picker(reopened).textContent(), { timeout: 10_000 }).toContain('Sales');
    await expect
      .poll(() => reopened.getByTestId('answered-by').last().textContent(), { timeout: 10_000 })
      .toContain('Answered by Sales');
    await browser.screenshot(reopened, 'assistants-answered-by-reopened-dark');
    await reopened.close();
  });

  it('@mention sends one question to another assistant, then the picked one answers again', async () => {
    await browser.openFixture('acme-opportunity.html');
    const panel = await browser.openPanel({ theme: 'dark' });
    await picker(panel).click({ timeout: 15_000 });
    await panel.getByRole('option', { name: /Sales/ }).click();
    await expect.poll(() => picker(panel).textContent()).toContain('Sales');
    const input = panel.getByLabel('Your question');
    await input.click();
    await input.pressSequentially('@');
    const popup = panel.getByTestId('mention-popup');
    await popup.waitFor();
    expect(await popup.getByRole('option').count()).toBeGreaterThanOrEqual(7);
    await input.pressSequentially('inv');
    await expect
      .poll(async () => [await input.inputValue(), ...(await popup.getByRole('option').allTextContents())])
      .toEqual(['@inv', expect.stringContaining('Support Investigator')]);
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await browser.screenshot(panel, 'assistants-mention-dark');
    // Escape closes the list and keeps the text; typing on reopens it.
    await input.press('Escape');
    await expect.poll(() => popup.count()).toBe(0);
    expect(await input.inputValue()).toBe('@inv');
    await input.press('Backspace');
    await popup.waitFor();
    await input.press('Enter');
    const token = panel.getByTestId('mention-token');
    await expect.poll(() => token.getAttribute('data-assistant')).toBe('support-investigator');
    expect(await input.inputValue()).toBe('');

    const run = crypto.randomUUID().slice(0, 8);
    let request = nextChatRequest(panel);
    await input.pressSequentially(`[[reply: Dug in ${run}.]] Why did the renewal slip?`);
    await input.press('Enter');
    expect((await request).postDataJSON().assistantId).toBe('support-investigator');
    await answered(panel, `Dug in ${run}.`);
    await expect
      .poll(() => panel.getByTestId('answered-by').last().textContent())
      .toContain('Answered by Support Investigator');
    expect(await token.count()).toBe(0);
    await expect.poll(() => picker(panel).textContent()).toContain('Sales');

    // The next question goes to the picked assistant again; a removed token sends nothing special either.
    await input.pressSequentially('@wri');
    await input.press('Enter');
    await token.getByRole('button', { name: /Remove Writer/ }).click();
    expect(await token.count()).toBe(0);
    request = nextChatRequest(panel);
    await ask(panel, `[[reply: Back ${run}.]] And the next step?`);
    expect((await request).postDataJSON().assistantId).toBe('sales');
    await answered(panel, `Back ${run}.`);
  });

  it('suggests the Support Resolver on a Zendesk ticket without switching, one click to accept', async () => {
    await browser.openFixture('zendesk--ticket.html', { at: ZENDESK_AT });
    const panel = await browser.openPanel({ theme: 'light' });
    await panel.getByTestId('capture-chip').waitFor({ timeout: 15_000 });
    const suggestion = panel.getByTestId('assistant-suggestion');
    await expect.poll(() => suggestion.textContent(), { timeout: 15_000 }).toContain('Support Resolver');
    // Suggested, not switched: the picked assistant still answers until the person accepts.
    const before = await picker(panel).textContent();
    expect(before).not.toContain('Support Resolver');
    for (const theme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: theme });
      await browser.screenshot(panel, `assistants-suggestion-${theme}`);
    }
    await suggestion.getByRole('button', { name: 'Use Support Resolver for this page' }).click();
    await expect.poll(() => picker(panel).textContent()).toContain('Support Resolver');
    expect(await suggestion.count()).toBe(0);
    await panel.getByRole('button', { name: 'Which policy covers this?' }).waitFor();

    const request = nextChatRequest(panel);
    await ask(panel, '[[reply: Refund within 30 days.]] What should I reply?');
    expect((await request).postDataJSON().assistantId).toBe('support-resolver');
    await answered(panel, 'Refund within 30 days.');

    // The person's explicit choice wins: picking General here brings no suggestion back on this page.
    await picker(panel).click();
    await panel.getByRole('option', { name: /General/ }).click();
    await expect.poll(() => picker(panel).textContent()).toContain('General');
    expect(await suggestion.count()).toBe(0);
  });
});

describe('assistants in French', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser({ language: 'fr' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the picker and the suggestion in French at 360 px', async () => {
    await browser.openFixture('zendesk--ticket.html', { at: ZENDESK_AT });
    const panel = await browser.openPanel({ theme: 'light' });
    const suggestion = panel.getByTestId('assistant-suggestion');
    await expect.poll(() => suggestion.textContent(), { timeout: 15_000 }).toContain('Adapté à cette page');
    expect(await picker(panel).getAttribute('aria-label')).toContain('Changer qui répond');
    // The built-in assistants speak the panel's language: General's own starters, in French, and the suggested
    // assistant by its French name.
    // (French typography: a narrow no-break space before "?".)
    await panel
      .getByRole('button', { name: /^Que disent nos connaissances à ce sujet\s\?$/ })
      .waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('empty-state').textContent()).not.toContain('Summarize this page');
    expect(await suggestion.textContent()).toContain('Support – Résolution');
    expect(await picker(panel).textContent()).toContain('Général');
    const width = await panel.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await browser.screenshot(panel, 'assistants-suggestion-fr');
  });
});
