import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../shared/conversations';
import { type Browser, launchBrowser } from './harness';

/**
 * Conversations follow the record: chat beside a Salesforce opportunity, move to a case and back, reload the panel,
 * and manage the history — against the real worker (D1 under wrangler dev) in the real side panel.
 */

/** A fresh record per run, so earlier runs' conversations (the same dev-token person) are never the ones reopened. */
const randomId = (prefix: string) =>
  `${prefix}${Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789'[byte % 54]).join('')}`;

async function ask(panel: Page, question: string) {
  const input = panel.getByLabel('Your question');
  await input.fill(question);
  await input.press('Enter');
}

const transcript = (panel: Page) =>
  panel
    .locator('.messages')
    .textContent({ timeout: 1_000 })
    .catch(() => '');

async function answered(panel: Page, text: string) {
  await expect
    .poll(() => panel.locator('article[data-role="assistant"]').last().textContent(), { timeout: 20_000 })
    .toContain(text);
  await expect.poll(() => panel.getByRole('button', { name: 'Send' }).isVisible(), { timeout: 20_000 }).toBe(true);
}

/** Serves a fixture at an app's address for every tab of the browser (tabs the panel opens included). */
async function serveAt(browser: Browser, fixture: string, url: string) {
  const html = await (await fetch(`${browser.fixturesUrl}/${fixture}`)).text();
  await browser.context.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

async function activate(panel: Page, url: string) {
  await panel.evaluate(async (address) => {
    const [tab] = await chrome.tabs.query({ url: address });
    if (tab?.id === undefined) throw new Error(`no tab at ${address}`);
    await chrome.tabs.update(tab.id, { active: true });
  }, url);
}

async function storedConversations(browser: Browser, query: string): Promise<ConversationSummary[]> {
  const response = await fetch(`${browser.workerUrl}/v1/conversations?${query}`, {
    headers: { Authorization: `Bearer ${browser.devToken}` },
  });
  return ((await response.json()) as { conversations: ConversationSummary[] }).conversations;
}

describe('conversations follow the record', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reopens a record’s conversation on return and after a reload; history renames and deletes', async () => {
    const run = randomId('').slice(0, 8);
    const opportunityAt = `https://acme.lightning.force.com/lightning/r/Opportunity/${randomId('006')}/view`;
    const caseAt = `https://acme.lightning.force.com/lightning/r/Case/${randomId('500')}/view`;
    await serveAt(browser, 'salesforce-lightning--opportunity.html', opportunityAt);
    await serveAt(browser, 'salesforce-lightning--case.html', caseAt);

    const opportunity = await browser.openFixture('salesforce-lightning--opportunity.html', { at: opportunityAt });
    const panel = await browser.openRealSidePanel(opportunity);
    await expect
      .poll(() => panel.getByTestId('capture-chip').textContent(), { timeout: 20_000 })
      .toContain('Acme Corp - 200 Widgets');
    await ask(panel, `[[reply: The deal is in negotiation ${run}.]] Where is the deal ${run}?`);
    await answered(panel, `negotiation ${run}`);

    // Another record: a conversation of its own.
    await panel.evaluate(async (address) => {
      await chrome.tabs.create({ url: address, active: true });
    }, caseAt);
    await expect.poll(() => panel.getByTestId('capture-chip').textContent(), { timeout: 20_000 }).toContain('00001027');
    await expect.poll(() => transcript(panel), { timeout: 10_000 }).not.toContain(`negotiation ${run}`);
    await ask(panel, `[[reply: The case is escalated ${run}.]] Status of the case ${run}?`);
    await answered(panel, `escalated ${run}`);

    // Back to the opportunity: its conversation, not the case's.
    await activate(panel, opportunityAt);
    await expect.poll(() => transcript(panel), { timeout: 10_000 }).toContain(`negotiation ${run}`);
    expect(await transcript(panel)).not.toContain(`escalated ${run}`);
    expect(await transcript(panel)).toContain(`Where is the deal ${run}?`);
    await browser.screenshot(panel, 'conversations-reopened');

    // A reload of the panel keeps it.
    await panel.reload();
    await expect.poll(() => transcript(panel), { timeout: 15_000 }).toContain(`negotiation ${run}`);

    // The next question continues the stored conversation.
    await ask(panel, `[[reply: Next step is legal review ${run}.]] Next step?`);
    await answered(panel, `legal review ${run}`);
    const [continued] = await storedConversations(browser, `q=${encodeURIComponent(`legal review ${run}`)}`);
    expect(continued?.title).toBe(`[[reply: The deal is in negotiation ${run}.]] Where is the deal ${run}?`);

    // History: search, rename, delete.
    await panel.getByRole('button', { name: 'Conversation history' }).click();
    const history = panel.getByRole('region', { name: 'History' });
    await history.getByRole('searchbox', { name: 'Search conversations' }).fill(run);
    const items = history.locator('li');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(2);
    await browser.screenshot(panel, 'conversations-history-light');
    await panel.emulateMedia({ colorScheme: 'dark' });
    await browser.screenshot(panel, 'conversations-history-dark');
    await panel.emulateMedia({ colorScheme: 'light' });
    const overflow = await panel.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    const dealItem = items.filter({ hasText: `Where is the deal ${run}` });
    await dealItem.getByRole('button', { name: 'Rename' }).click();
    // While renaming, the item shows the title in a text box (no longer as text).
    const title = history.getByRole('textbox', { name: 'Conversation title' });
    await title.fill(`Acme renewal ${run}`);
    // A rename the server does not take says so, and keeps what was typed for another try.
    const renames = `${browser.workerUrl}/v1/conversations/*`;
    await panel.route(renames, (route) =>
      route.request().method() === 'PATCH' ? route.fulfill({ status: 503, body: '' }) : route.fallback(),
    );
    await title.press('Enter');
    await expect
      .poll(() => history.getByRole('alert').textContent(), { timeout: 10_000 })
      .toContain('That change could not be saved');
    expect(await title.inputValue()).toBe(`Acme renewal ${run}`);
    await panel.unroute(renames);
    await title.press('Enter');
    // The history's words first: when the title does not change, the failure shows what the panel said instead.
    await expect.poll(() => history.textContent(), { timeout: 10_000 }).toContain(`Acme renewal ${run}`);
    expect(await items.filter({ hasText: `Acme renewal ${run}` }).count()).toBe(1);
    await expect
      .poll(async () => (await storedConversations(browser, `q=${encodeURIComponent(`Acme renewal ${run}`)}`)).length)
      .toBe(1);

    const caseItem = items.filter({ hasText: `Status of the case ${run}` });
    await caseItem.getByRole('button', { name: 'Delete' }).click();
    await history
      .getByRole('alertdialog', { name: 'Delete this conversation?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(async () => (await storedConversations(browser, `q=${encodeURIComponent(`escalated ${run}`)}`)).length)
      .toBe(0);
    await browser.screenshot(panel, 'conversations-history-after-delete');

    // Opening from the history shows the conversation; "New conversation" starts a blank one.
    await items
      .filter({ hasText: `Acme renewal ${run}` })
      .getByRole('button', { name: /Acme renewal/ })
      .click();
    await expect.poll(() => transcript(panel), { timeout: 10_000 }).toContain(`legal review ${run}`);
    await panel.getByRole('button', { name: 'New conversation' }).click();
    await expect.poll(() => panel.locator('article').count()).toBe(0);
  }, 240_000);

  it('a reload mid-answer keeps what was said so far', async () => {
    const run = randomId('').slice(0, 8);
    const opportunityAt = `https://acme.lightning.force.com/lightning/r/Opportunity/${randomId('006')}/view`;
    await serveAt(browser, 'salesforce-lightning--opportunity.html', opportunityAt);
    const opportunity = await browser.openFixture('salesforce-lightning--opportunity.html', { at: opportunityAt });
    const panel = await browser.openRealSidePanel(opportunity);
    await expect
      .poll(() => panel.getByTestId('capture-chip').textContent(), { timeout: 20_000 })
      .toContain('Acme Corp - 200 Widgets');
    const words = Array.from({ length: 60 }, (_, index) => `w${index}-${run}`).join(' ');
    await ask(panel, `[[chunk-delay: 150]] [[reply: ${words}]] Tell me everything ${run}`);
    await expect
      .poll(() => panel.locator('article[data-role="assistant"]').last().textContent(), { timeout: 20_000 })
      .toContain(`w12-${run}`);

    await panel.reload();
    const answer = panel.locator('article[data-role="assistant"]').last();
    await expect.poll(() => answer.textContent(), { timeout: 15_000 }).toContain(`w12-${run}`);
    expect(await transcript(panel)).toContain(`Tell me everything ${run}`);
    // What was said, not more: the reload stopped the answer, and the rest was never written.
    expect(await answer.textContent()).not.toContain(`w59-${run}`);
  }, 120_000);

  it('a quick action’s draft is stored with the record’s conversation and shown again after a reload', async () => {
    const run = randomId('').slice(0, 8);
    const opportunityAt = `https://acme.lightning.force.com/lightning/r/Opportunity/${randomId('006')}/view`;
    await serveAt(browser, 'salesforce-lightning--opportunity.html', opportunityAt);
    const opportunity = await browser.openFixture('salesforce-lightning--opportunity.html', { at: opportunityAt });
    const panel = await browser.openRealSidePanel(opportunity);
    await expect
      .poll(() => panel.getByTestId('capture-chip').textContent(), { timeout: 20_000 })
      .toContain('Acme Corp - 200 Widgets');
    await ask(panel, `[[reply: The deal is in negotiation ${run}.]] Where is the deal ${run}?`);
    await answered(panel, `negotiation ${run}`);

    await panel.getByRole('button', { name: 'Draft follow-up email' }).click();
    await expect
      .poll(() => panel.getByTestId('draft-body').inputValue(), { timeout: 20_000 })
      .toContain('You asked: "Draft the follow-up email"');
    await expect.poll(() => panel.getByRole('button', { name: 'Send' }).isVisible(), { timeout: 20_000 }).toBe(true);

    // One conversation about the record: the question, its answer, the request and the draft.
    const [stored] = await storedConversations(browser, `q=${encodeURIComponent(`negotiation ${run}`)}`);
    const detail = await fetch(`${browser.workerUrl}/v1/conversations/${stored?.id}`, {
      headers: { Authorization: `Bearer ${browser.devToken}` },
    });
    const messages = ((await detail.json()) as { messages: { role: string; text: string }[] }).messages;
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(messages[3]?.text).toContain('You asked: "Draft the follow-up email"');

    // After a reload the draft is back, as text or in its editable draft view.
    const shown = () =>
      panel
        .locator('.messages')
        .evaluate((list) =>
          [
            list.textContent ?? '',
            ...[...list.querySelectorAll('textarea, input')].map((field) => (field as HTMLInputElement).value),
          ].join(' '),
        )
        .catch(() => '');
    await panel.reload();
    await expect.poll(shown, { timeout: 15_000 }).toContain(`negotiation ${run}`);
    expect(await shown()).toContain('You asked: "Draft the follow-up email"');
    await browser.screenshot(panel, 'conversations-action-reopened');
  }, 120_000);
});
