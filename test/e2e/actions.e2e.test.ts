import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, upstreamRequests } from './harness';

/**
 * The three quick-action flows through the real extension in Chromium, the worker under wrangler dev and the
 * test upstream: right-click → Summarize selection; one click → Draft follow-up email (tone, regenerate);
 * Insert into page (Gmail compose, Zendesk's rich editor). Each flow leaves light and dark screenshots.
 */

const OPPORTUNITY_AT = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZabAAF/view';
// No fragment or query: Playwright routes by the request URL, which never carries the fragment.
const GMAIL_AT = 'https://mail.google.com/mail/u/0/';
const ZENDESK_AT = 'https://acme.zendesk.com/agent/tickets/4821';

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

async function screenshots(browser: Browser, panel: Page, name: string) {
  for (const theme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: theme });
    await browser.screenshot(panel, `${name}-${theme}`);
  }
}

/** The context-menu click as Chrome delivers it to the service worker's real listeners. */
async function clickMenu(browser: Browser, tabUrl: string, selectionText: string) {
  await browser.serviceWorker.evaluate(
    async ({ url, text }) => {
      const [tab] = await chrome.tabs.query({ url });
      if (!tab) throw new Error(`no tab at ${url}`);
      const info = { menuItemId: 'summarize-selection', selectionText: text, pageUrl: url, editable: false };
      (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, tab);
    },
    { url: tabUrl, text: selectionText },
  );
}

const lastAnswer = (panel: Page) => panel.locator('article[data-role="assistant"]').last();
const draftDone = (panel: Page) => panel.getByTestId('draft').getAttribute('data-status');

describe('quick actions in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('right-click → Summarize selection streams a summary of exactly the selection, then takes a follow-up', async () => {
    const page = await browser.openFixture('acme-opportunity.html');
    const selected = await page.evaluate(() => {
      const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent?.includes('two competitors'))!;
      getSelection()!.selectAllChildren(paragraph);
      return getSelection()!.toString();
    });
    expect(selected).toContain('workflow builder');

    await clickMenu(browser, page.url(), selected);
    const panel = await browser.openPanel({ theme: 'light' });

    await expect.poll(() => lastAnswer(panel).textContent(), { timeout: 15_000 }).toContain('You asked:');
    expect(await panel.locator('article[data-role="user"]').last().textContent()).toContain(
      'Summarize the selected text',
    );
    const prompt = await promptContaining('Summarize the selected text');
    expect(prompt).toContain('prefers our workflow builder');
    expect(prompt).toContain('title: Acme Corp renewal | Opportunity');
    // Only the selection: not the rest of the page (its marker, its activity list).
    expect(prompt).not.toContain('E2E-PAGE-41c9');
    expect(prompt).not.toContain('security questionnaire');
    expect((await upstreamRequests()).at(-1)?.path).toBe('/v1/chat/completions');

    // The summary has ended (Send is back): a question asked while it still streams is not sent.
    await expect.poll(() => panel.getByRole('button', { name: 'Send' }).isVisible(), { timeout: 15_000 }).toBe(true);
    const input = panel.getByLabel('Your question');
    await input.fill('[[reply: The objection was the seat count.]] what was the objection?');
    await input.press('Enter');
    await expect.poll(() => lastAnswer(panel).textContent(), { timeout: 15_000 }).toContain('seat count');
    await screenshots(browser, panel, 'action-summarize-selection');
    await panel.close();
    await page.close();
  });

  it('with the panel already open, a menu click on a browser page says it cannot work there', async () => {
    const page = await browser.openFixture('acme-opportunity.html');
    const panel = await browser.openPanel();
    await panel.getByTestId('capture-chip').waitFor({ timeout: 15_000 });
    await browser.serviceWorker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      const info = {
        menuItemId: 'summarize-selection',
        selectionText: 'x',
        pageUrl: 'chrome://settings/',
        editable: false,
      };
      (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, {
        ...tab,
        url: 'chrome://settings/',
      });
    });
    await expect
      .poll(() => panel.getByTestId('action-notice').textContent(), { timeout: 10_000 })
      .toContain('can’t work on browser pages');
    await panel.close();
    await page.close();
  });

  it('one click → Draft follow-up email streams subject and body from the record; tone change → regenerate', async () => {
    const page = await browser.openFixture('salesforce-lightning--opportunity.html', { at: OPPORTUNITY_AT });
    const panel = await browser.openPanel({ theme: 'light' });
    await expect
      .poll(() => panel.getByTestId('capture-chip').textContent(), { timeout: 15_000 })
      .toContain('Opportunity');

    await panel.getByRole('button', { name: 'Draft follow-up email' }).click();
    await expect.poll(() => draftDone(panel), { timeout: 15_000 }).toBe('ready');
    // The test model answers without a Subject line here: the panel proposes one from the record.
    expect(await panel.getByTestId('draft-subject').inputValue()).toBe('Following up: Acme Corp - 200 Widgets');
    expect(await panel.getByTestId('draft-body').inputValue()).toContain('You asked: "Draft the follow-up email"');
    const first = await promptContaining('Draft the follow-up email');
    expect(first).toContain('Negotiation/Review');
    expect(first).toContain('Send revised quote with 3-year term by Nov 20');
    expect(first).toContain('Tone: friendly');
    expect(first).toContain('Task: draft the follow-up email');
    expect(first).not.toContain('attacker@example.com');

    await panel.getByLabel('Tone').selectOption('formal');
    await panel.getByLabel('Length').selectOption('short');
    const email =
      'Subject: Acme renewal — revised quote and next steps\n\nDear Priya,\n\nThank you for the pricing review.\n\n- Revised quote with a 3-year term by Nov 20\n- Volume tiers for [number of plants to confirm]\n\nKind regards,\n[your name], Widget Co.';
    await panel.getByLabel('Guidance for the next draft').fill(`[[reply: ${email}]] keep it formal`);
    await panel.getByRole('button', { name: /Regenerate/ }).click();
    await expect
      .poll(() => panel.getByTestId('draft-subject').inputValue(), { timeout: 15_000 })
      .toBe('Acme renewal — revised quote and next steps');
    await expect.poll(() => draftDone(panel)).toBe('ready');
    expect(await panel.getByTestId('draft-body').inputValue()).toBe(email.split('\n\n').slice(1).join('\n\n'));
    expect(await panel.getByTestId('draft-placeholders').textContent()).toContain('[number of plants to confirm]');
    const second = await promptContaining('keep it formal');
    expect(second).toContain('Tone: formal');
    expect(second).toContain('Length: short');
    expect(second).not.toContain('Tone: friendly');

    // Inline edit wins over the generated text, and the mail links carry it.
    await panel.getByTestId('draft-subject').fill('Acme — next steps');
    const gmail = new URL((await panel.getByRole('link', { name: 'Gmail' }).getAttribute('href')) ?? '');
    expect(gmail.searchParams.get('su')).toBe('Acme — next steps');
    expect(gmail.searchParams.get('body')).toContain('Dear Priya');
    await screenshots(browser, panel, 'action-follow-up-email');
    await panel.close();
    await page.close();
  });

  it('a keyboard command from the registry (Alt+Shift+E) opens the follow-up draft for the page', async () => {
    const page = await browser.openFixture('salesforce-lightning--opportunity.html', { at: OPPORTUNITY_AT });
    const panel = await browser.openPanel();
    await expect
      .poll(() => panel.getByTestId('capture-chip').textContent(), { timeout: 15_000 })
      .toContain('Opportunity');
    const commands = await browser.serviceWorker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      (chrome.commands.onCommand as unknown as { dispatch(...args: unknown[]): void }).dispatch('follow-up-email', tab);
      return (await chrome.commands.getAll()).map((command) => `${command.name}=${command.shortcut}`);
    }, OPPORTUNITY_AT);
    expect(commands).toContain('follow-up-email=Alt+Shift+E');
    await expect.poll(() => draftDone(panel), { timeout: 15_000 }).toBe('ready');
    expect(await panel.getByTestId('draft-body').inputValue()).toContain('Draft the follow-up email');
    await panel.close();
    await page.close();
  });

  it('Insert into page puts the draft into Gmail’s compose editor (not its hidden textarea) and sends nothing', async () => {
    const page = await browser.openFixture('gmail--compose.html', { at: GMAIL_AT });
    const panel = await browser.openPanel({ theme: 'light' });
    await panel.getByTestId('capture-chip').waitFor({ timeout: 15_000 });
    await panel.getByRole('button', { name: 'Draft follow-up email' }).click();
    await expect.poll(() => draftDone(panel), { timeout: 15_000 }).toBe('ready');
    const email = 'Subject: Revised quote for Acme\n\nHi Priya,\n\nThe revised quote follows by Nov 20.\n\nBest,\nDana';
    await panel.getByLabel('Guidance for the next draft').fill(`[[reply: ${email}]] gmail`);
    await panel.getByRole('button', { name: /Regenerate/ }).click();
    await expect
      .poll(() => panel.getByTestId('draft-subject').inputValue(), { timeout: 15_000 })
      .toBe('Revised quote for Acme');
    await expect.poll(() => draftDone(panel)).toBe('ready');

    await panel.getByRole('button', { name: 'Insert into page' }).click();
    await expect
      .poll(() => panel.getByTestId('draft-status').textContent(), { timeout: 10_000 })
      .toContain('Inserted into Gmail compose');
    const state = await page.evaluate(() => ({
      body: document.querySelector<HTMLElement>('[g_editable="true"]')!.textContent,
      html: document.querySelector<HTMLElement>('[g_editable="true"]')!.innerHTML,
      subject: document.querySelector<HTMLInputElement>('input[name="subjectbox"]')!.value,
      hidden: document.querySelector<HTMLTextAreaElement>('textarea[name="body"]')!.value,
      inputs: (window as unknown as { __inputs: number }).__inputs,
      sent: (window as unknown as { __sent: boolean }).__sent,
    }));
    expect(state.body).toContain('The revised quote follows by Nov 20.');
    expect(state.html).toContain('Hi Priya,');
    expect(state.subject).toBe('Revised quote for Acme');
    expect(state.hidden).toBe('');
    expect(state.inputs).toBeGreaterThan(0);
    expect(state.sent).toBe(false);
    await screenshots(browser, panel, 'action-insert-gmail');
    await browser.screenshot(page, 'action-insert-gmail-page');
    await panel.close();
    await page.close();
  });

  it('Draft ticket reply on Zendesk is grounded in help-center knowledge and inserted into the rich editor', async () => {
    const marker = `KB-CSV-${Date.now()}`;
    const article = {
      id: `e2e/csv-export-${marker}`,
      title: 'Large CSV exports',
      space: 'company',
      url: 'https://help.example.com/csv',
    };
    const headers = { Authorization: `Bearer ${browser.devToken}`, 'Content-Type': 'application/json' };
    const seeded = await fetch(`${browser.workerUrl}/v1/documents`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        ...article,
        markdown: `# Exporting large reports\n\nReports above 50,000 rows export in the background; split by quarter if an export times out. ${marker}`,
      }),
    });
    expect(seeded.status).toBeLessThan(300);
    try {
      const page = await browser.openFixture('zendesk--reply-editor.html', { at: ZENDESK_AT });
      const panel = await browser.openPanel({ theme: 'dark' });
      await panel.getByTestId('capture-chip').waitFor({ timeout: 15_000 });
      await panel.getByRole('button', { name: 'Draft ticket reply' }).click();
      await expect.poll(() => draftDone(panel), { timeout: 15_000 }).toBe('ready');
      const reply = 'Hi Maria,\n\nExports above 50,000 rows run in the background [1]. Please try again.\n\nBest,\nSam';
      await panel.getByLabel('Guidance for the next draft').fill(`[[reply: ${reply}]] zendesk`);
      await panel.getByRole('button', { name: /Regenerate/ }).click();
      await expect.poll(() => panel.getByTestId('draft-body').inputValue(), { timeout: 15_000 }).toContain('[1]');
      await expect.poll(() => draftDone(panel)).toBe('ready');

      const prompt = await promptContaining('zendesk');
      expect(prompt).toContain('<knowledge>');
      expect(prompt).toContain(marker);
      expect(prompt).toContain('Since Friday, exporting any report');
      expect(await panel.locator('.draft__sources').textContent()).toContain('Large CSV exports');

      await panel.getByRole('button', { name: 'Insert into page' }).click();
      await expect
        .poll(() => panel.getByTestId('draft-status').textContent(), { timeout: 10_000 })
        .toContain('Inserted into Zendesk reply');
      const state = await page.evaluate(() => ({
        text: document.querySelector<HTMLElement>('.ck-editor__editable')!.textContent,
        pastes: (window as unknown as { __pastes: number }).__pastes,
        plain: document.querySelector<HTMLTextAreaElement>('textarea[data-test-id="omnicomposer-plain-text"]')!.value,
        sent: (window as unknown as { __sent: boolean }).__sent,
      }));
      expect(state.text).toContain('Exports above 50,000 rows run in the background. Please try again.');
      expect(state.text).not.toContain('[1]');
      expect(state.pastes).toBe(1);
      expect(state.plain).toBe('');
      expect(state.sent).toBe(false);
      await screenshots(browser, panel, 'action-ticket-reply-zendesk');
      await browser.screenshot(page, 'action-insert-zendesk-page');
      await panel.close();
      await page.close();
    } finally {
      await fetch(`${browser.workerUrl}/v1/documents/${encodeURIComponent(article.id)}`, {
        method: 'DELETE',
        headers,
      });
    }
  });
});
