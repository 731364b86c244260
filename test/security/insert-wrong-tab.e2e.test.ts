import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser } from '../e2e/harness';

/**
 * Finding: "Insert into page" chose its tab when the button was clicked — the tab in front, or the most recent
 * background tab — so a reply written for one customer's ticket could land in another's. A draft is now bound to
 * the tab and address it was written for; closed or navigated away, nothing is inserted anywhere.
 */

// No fragment or query: Playwright routes by the request URL, which never carries the fragment.
const GMAIL_AT = 'https://mail.google.com/mail/u/0/';
const ZENDESK_AT = 'https://acme.zendesk.com/agent/tickets/4821';

const draftStatus = (panel: Page) => panel.getByTestId('draft').getAttribute('data-status');

/** What each kind of reply box holds, and whether anything was typed or pasted into it. */
async function editorState(page: Page) {
  return page.evaluate(() => {
    const scope = window as unknown as { __inputs?: number; __pastes?: number };
    const gmail = document.querySelector<HTMLElement>('[g_editable="true"]');
    const zendesk = document.querySelector<HTMLElement>('.ck-editor__editable');
    return {
      text: (gmail ?? zendesk)?.textContent?.trim() ?? '',
      writes: (scope.__inputs ?? 0) + (scope.__pastes ?? 0),
    };
  });
}

async function startDraft(browser: Browser, panel: Page, button: 'Draft follow-up email' | 'Draft ticket reply') {
  await panel.getByTestId('capture-chip').waitFor({ timeout: 15_000 });
  await panel.getByRole('button', { name: button }).click();
  try {
    await expect.poll(() => draftStatus(panel), { timeout: 15_000 }).toBe('ready');
  } catch (error) {
    // Once seen in CI and never here: say what the panel showed, so the next run that fails tells why.
    const shot = await browser.screenshot(panel, 'security-insert-draft-not-ready');
    const chip = await panel
      .getByTestId('capture-chip')
      .textContent({ timeout: 1_000 })
      .catch(() => 'none');
    const draft = await panel
      .locator('body')
      .textContent({ timeout: 1_000 })
      .catch(() => '');
    const status = await panel
      .getByTestId('draft')
      .getAttribute('data-status', { timeout: 1_000 })
      .catch(() => 'no draft');
    const seen = `status ${status}; chip "${chip}"; panel "${draft?.slice(0, 400)}"; ${shot}`;
    throw new Error(`the draft never became ready (${seen})`, { cause: error });
  }
  expect(await panel.getByTestId('draft-body').inputValue()).not.toBe('');
}

/** Shows another fixture at `at` in an existing tab, as if the person navigated there. */
async function navigate(browser: Browser, page: Page, fixture: string, at: string) {
  const html = await (await fetch(`${browser.fixturesUrl}/${fixture}`)).text();
  await page.route(at, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(at);
}

describe('Insert into the wrong tab: a draft goes into the page it was written for, or nowhere', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the tab was closed and another reply box is in front: nothing is inserted, the panel says why', async () => {
    const gmail = await browser.openFixture('gmail--compose.html', { at: GMAIL_AT });
    const panel = await browser.openPanel({ theme: 'light' });
    await startDraft(browser, panel, 'Draft follow-up email');

    await gmail.close();
    const zendesk = await browser.openFixture('zendesk--reply-editor.html', { at: ZENDESK_AT });
    await panel.getByRole('button', { name: 'Insert into page' }).click();
    await expect
      .poll(() => panel.getByTestId('draft-status').textContent(), { timeout: 10_000 })
      .toContain('The page this draft was written for is no longer open');
    expect(await editorState(zendesk)).toEqual({ text: '', writes: 0 });
    await browser.screenshot(panel, 'security-insert-target-closed');
    await panel.close();
    await zendesk.close();
  });

  it('the tab navigated to another page with a reply box: nothing is inserted, the panel says the page changed', async () => {
    const tab = await browser.openFixture('zendesk--reply-editor.html', { at: ZENDESK_AT });
    const panel = await browser.openPanel({ theme: 'dark' });
    await startDraft(browser, panel, 'Draft ticket reply');

    await navigate(browser, tab, 'gmail--compose.html', GMAIL_AT);
    await panel.getByRole('button', { name: 'Insert into page' }).click();
    await expect
      .poll(() => panel.getByTestId('draft-status').textContent(), { timeout: 10_000 })
      .toContain('The page this draft was written for has changed');
    expect(await editorState(tab)).toEqual({ text: '', writes: 0 });
    await browser.screenshot(panel, 'security-insert-target-changed');
    await panel.close();
    await tab.close();
  });

  it('another tab is in front: the draft goes into its own page, not the one in front', async () => {
    const gmail = await browser.openFixture('gmail--compose.html', { at: GMAIL_AT });
    const panel = await browser.openPanel();
    await startDraft(browser, panel, 'Draft follow-up email');
    const body = await panel.getByTestId('draft-body').inputValue();

    const zendesk = await browser.openFixture('zendesk--reply-editor.html', { at: ZENDESK_AT });
    await panel.getByRole('button', { name: 'Insert into page' }).click();
    await expect
      .poll(() => panel.getByTestId('draft-status').textContent(), { timeout: 10_000 })
      .toContain('Inserted into Gmail compose');
    expect(await editorState(zendesk)).toEqual({ text: '', writes: 0 });
    const inserted = await editorState(gmail);
    expect(inserted.text).toContain(body.split('\n')[0]?.slice(0, 30));
    expect(inserted.writes).toBeGreaterThan(0);
    await panel.close();
    await gmail.close();
    await zendesk.close();
  });
});
