import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WranglerDev } from '../../scripts/lib/wrangler-dev';
import { type Browser, launchBrowser, startE2eWorker } from './harness';

/**
 * Errors and feedback where the eye is, in real Chromium against the real worker: the options page tests the token,
 * sign-in errors speak the person's language, "Try again" only where it helps, a draft's outcome beside its button,
 * "Stopped", the composer's counter, and the selection a summary is about.
 */

const OPPORTUNITY_AT = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZabAAF/view';

async function ask(panel: Page, question: string) {
  const input = panel.getByLabel(/Your question|Votre question/);
  await input.fill(question);
  await input.press('Enter');
}

const lastAnswer = (panel: Page) => panel.locator('article[data-role="assistant"]').last();

async function openOptions(browser: Browser) {
  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 720, height: 800 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  return options;
}

/** Types `token` under Advanced, presses "Save and test connection" and waits for the test to say `expected`. */
async function saveAndTest(
  options: Page,
  token: string,
  expected: string,
  labels = { advanced: 'Advanced', save: /Save and test/ },
) {
  const advanced = options.locator('details', { has: options.getByText(labels.advanced, { exact: true }) });
  if ((await advanced.getAttribute('open')) === null) await options.getByText(labels.advanced, { exact: true }).click();
  await options.locator('input[type="password"]').fill(token);
  await options.getByRole('button', { name: labels.save }).click();
  const notice = options.getByTestId('connection-test');
  await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toContain(expected);
  return notice;
}

describe('notices in English', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser({ language: 'en' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('"Save and test connection" tests the token with /v1/me: refused, then who you are', async () => {
    const options = await openOptions(browser);
    const refused = await saveAndTest(options, 'not-the-token', 'refused your sign-in').catch(async (error) => {
      // The other tests need the right token back whatever happens here.
      await browser.configure({ token: browser.devToken });
      throw error;
    });
    expect(await refused.getAttribute('data-state')).toBe('error');
    await browser.screenshot(options, 'notices-options-token-refused');

    // Who the server says the token belongs to (the dev token's person), not just "reached".
    const accepted = await saveAndTest(options, browser.devToken, 'signed in as Developer (dev@localhost)');
    expect(await accepted.getAttribute('data-state')).toBe('ok');
    await browser.screenshot(options, 'notices-options-token-accepted');
    await options.close();
  });

  it('offers "Try again" and Settings when the server cannot be reached, and the retry goes out again', async () => {
    await browser.configure({ workerUrl: 'http://127.0.0.1:9' });
    try {
      await browser.openFixture('acme-opportunity.html');
      const panel = await browser.openPanel();
      await ask(panel, '[[reply: Back online.]] are you there?');
      const error = panel.getByTestId('error');
      await expect.poll(() => error.getAttribute('data-code'), { timeout: 15_000 }).toBe('network');
      expect(await error.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
      expect(await error.getByRole('button', { name: 'Open Settings' }).isVisible()).toBe(true);
      await browser.screenshot(panel, 'notices-network-error');
      // The server is back: "Try again" asks the same question and the answer arrives.
      await browser.configure({ workerUrl: browser.workerUrl });
      await error.getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => lastAnswer(panel).textContent(), { timeout: 15_000 }).toContain('Back online.');
      expect(await panel.getByTestId('error').count()).toBe(0);
      await panel.close();
    } finally {
      await browser.configure({ workerUrl: browser.workerUrl });
    }
  });

  it('offers "Try again" when the history could not be loaded, and loads it on the click', async () => {
    await browser.configure({ workerUrl: 'http://127.0.0.1:9' });
    try {
      const panel = await browser.openPanel();
      await panel.getByRole('button', { name: 'Conversation history' }).click();
      const error = panel.getByTestId('history-error');
      await error.waitFor({ timeout: 15_000 });
      await browser.configure({ workerUrl: browser.workerUrl });
      await error.getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => panel.getByTestId('history-error').count(), { timeout: 15_000 }).toBe(0);
      await panel.close();
    } finally {
      await browser.configure({ workerUrl: browser.workerUrl });
    }
  });

  it('says "Stopped" under an answer the person stopped', async () => {
    await browser.openFixture('acme-opportunity.html');
    const panel = await browser.openPanel();
    const words = Array.from({ length: 60 }, (_, index) => `word${index}`).join(' ');
    await ask(panel, `[[chunk-delay: 150]] [[reply: ${words}]] tell me a long story`);
    await expect.poll(() => lastAnswer(panel).textContent(), { timeout: 15_000 }).toContain('word2');
    await panel.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect
      .poll(() => lastAnswer(panel).getByTestId('stopped').textContent(), { timeout: 10_000 })
      .toBe('Stopped');
    expect(await lastAnswer(panel).textContent()).not.toContain('word59');
    await browser.screenshot(panel, 'notices-stopped-answer');
    await panel.close();
  });

  it('keeps the end of the conversation in view in a 360×640 panel: who answered, whole, then an error’s "Try again"', async () => {
    // A page of its own: the conversation it leaves behind would reopen beside the fixture the next tests use.
    await browser.openFixture('salesforce-lightning--case.html');
    const panel = await browser.openPanel();
    await panel.setViewportSize({ width: 360, height: 640 });
    /** Wholly inside the conversation area, not under the assistant bar and composer below it. */
    const inView = (selector: string) =>
      panel.evaluate((wanted) => {
        const element = [...document.querySelectorAll(wanted)].at(-1);
        const area = element?.closest('.conversation')?.getBoundingClientRect();
        const box = element?.getBoundingClientRect();
        return !!area && !!box && box.top >= area.top - 1 && box.bottom <= area.bottom + 1;
      }, selector);
    const words = Array.from({ length: 150 }, (_, index) => `point${index}`).join(' ');
    await ask(panel, `[[reply: ${words}]] walk me through this account`);
    await expect.poll(() => lastAnswer(panel).getByTestId('answered-by').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => inView('[data-testid="answered-by"]')).toBe(true);
    // The assistant's name is never cut to make room for the model (which the tooltip gives in full).
    const answeredBy = lastAnswer(panel).getByTestId('answered-by');
    expect(await answeredBy.getAttribute('title')).toMatch(/^Answered by \S.* · .*test-model/);
    const assistantName = answeredBy.locator('.answered-by__assistant');
    expect(await assistantName.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

    await ask(panel, `[[status: 503]] and the renewal?`);
    await panel.getByTestId('error').waitFor({ timeout: 15_000 });
    await expect.poll(() => inView('[data-testid="error"] button')).toBe(true);
    await browser.screenshot(panel, 'notices-error-in-view');
    await panel.close();
  });

  it('shows a counter near the limit and never cuts pasted text silently: it says how much is over and waits', async () => {
    // Its own address: an earlier test's conversation about the plain fixture would reopen beside it.
    await browser.openFixture('acme-opportunity.html?composer');
    const panel = await browser.openPanel();
    const input = panel.getByLabel('Your question');
    await input.focus();
    await panel.keyboard.insertText('a'.repeat(18_500));
    const counter = panel.getByTestId('composer-count');
    await expect.poll(() => counter.textContent()).toBe('1,500 characters left');
    expect(await panel.getByRole('button', { name: 'Send' }).isEnabled()).toBe(true);

    await panel.keyboard.insertText('b'.repeat(2_000));
    // All of the paste is there (a maxlength would have cut it at 20,000 without a word).
    expect((await input.inputValue()).length).toBe(20_500);
    await expect.poll(() => counter.textContent()).toContain('500 characters over the 20,000 limit');
    expect(await panel.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    await input.press('Enter');
    expect(await panel.locator('article[data-role="user"]').count()).toBe(0);
    await browser.screenshot(panel, 'notices-composer-over-limit');

    // Shortened below the limit: it sends.
    await input.fill(`[[reply: Received.]] ${'c'.repeat(100)}`);
    expect(await counter.count()).toBe(0);
    await input.press('Enter');
    await expect.poll(() => lastAnswer(panel).textContent(), { timeout: 15_000 }).toContain('Received.');
    await panel.close();
  });

  it('shows a summarized selection, folded, under the request in the conversation', async () => {
    // Its own address: the menu click names its tab by URL, and earlier tests left the plain fixture open.
    const page = await browser.openFixture('acme-opportunity.html?selection');
    const selected = await page.evaluate(() => {
      const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent?.includes('two competitors'))!;
      getSelection()!.selectAllChildren(paragraph);
      return getSelection()!.toString().trim();
    });
    await browser.serviceWorker.evaluate(
      async ({ url, text }) => {
        const [tab] = await chrome.tabs.query({ url });
        if (!tab) throw new Error(`no tab at ${url}`);
        const info = { menuItemId: 'summarize-selection', selectionText: text, pageUrl: url, editable: false };
        (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, tab);
      },
      { url: page.url(), text: selected },
    );
    const panel = await browser.openPanel({ theme: 'light' });
    const request = panel.locator('article[data-role="user"]').last();
    await expect.poll(() => request.textContent(), { timeout: 15_000 }).toContain('Summarize the selected text');
    const quote = request.getByTestId('selection-quote');
    expect(await quote.getAttribute('open')).toBeNull();
    expect(await quote.locator('summary').textContent()).toMatch(/^Selected text · \d+ words$/);
    expect(await quote.locator('blockquote').isVisible()).toBe(false);
    await expect.poll(() => lastAnswer(panel).textContent(), { timeout: 15_000 }).not.toBe('');
    await browser.screenshot(panel, 'notices-selection-folded');
    await quote.locator('summary').click();
    expect(await quote.locator('blockquote').isVisible()).toBe(true);
    expect(await quote.locator('blockquote').textContent()).toContain('workflow builder');
    await browser.screenshot(panel, 'notices-selection-open');
    await panel.close();
    await page.close();
  });

  it('shows a draft’s outcome beside the button that caused it, inside a 360×640 panel', async () => {
    await browser.openFixture('salesforce-lightning--opportunity.html', { at: OPPORTUNITY_AT });
    const panel = await browser.openPanel({ theme: 'light' });
    await panel.setViewportSize({ width: 360, height: 640 });
    await expect.poll(() => panel.getByTestId('capture-chip').textContent(), { timeout: 15_000 }).toContain('Acme');
    await panel.getByRole('button', { name: 'Draft follow-up email' }).click();
    await expect.poll(() => panel.getByTestId('draft').getAttribute('data-status'), { timeout: 15_000 }).toBe('ready');

    for (const [button, expected] of [
      ['Insert into page', /\S/],
      ['Copy', /copied/i],
    ] as const) {
      const clicked = panel.getByRole('button', { name: button, exact: true });
      await clicked.click();
      const status = panel.getByTestId('draft-status');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(expected);
      const statusBox = (await status.boundingBox())!;
      const buttonBox = (await clicked.boundingBox())!;
      // In view without scrolling further …
      expect(statusBox.y).toBeGreaterThanOrEqual(0);
      expect(statusBox.y + statusBox.height).toBeLessThanOrEqual(640);
      // … and beside the button: on its row, or the line right under it when the message is long.
      expect(statusBox.y).toBeLessThan(buttonBox.y + buttonBox.height + 8);
      expect(statusBox.y + statusBox.height).toBeGreaterThan(buttonBox.y);
      await browser.screenshot(panel, `notices-draft-status-${button === 'Copy' ? 'copied' : 'insert'}`);
    }
    await panel.close();
  });
});

describe('a daily quota used up', () => {
  let worker: WranglerDev;
  let browser: Browser;
  beforeAll(async () => {
    worker = await startE2eWorker({ DAILY_TOKEN_QUOTA: '1' });
    browser = await launchBrowser({ language: 'en' });
    await browser.configure({ workerUrl: worker.url });
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  });

  it('says when the allowance starts again and offers no "Try again"', async () => {
    await browser.openFixture('acme-opportunity.html');
    const panel = await browser.openPanel();
    const error = panel.getByTestId('error');
    // The first answer uses the allowance (usage is stored as it ends); the next question is refused.
    for (let attempt = 0; attempt < 5 && (await error.count()) === 0; attempt++) {
      await ask(panel, `[[reply: Counted.]] question ${attempt}`);
      await expect
        .poll(
          async () => (await error.count()) > 0 || (await panel.getByRole('button', { name: 'Send' }).count()) > 0,
          {
            timeout: 15_000,
          },
        )
        .toBe(true);
      if ((await error.count()) === 0) await new Promise((done) => setTimeout(done, 500));
    }
    await expect.poll(() => error.getAttribute('data-code'), { timeout: 15_000 }).toBe('quota_exceeded');
    const text = (await error.textContent()) ?? '';
    expect(text).toMatch(/starts again (today at|tomorrow|on .+ at) /);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(await error.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await browser.screenshot(panel, 'notices-quota-exceeded');
  });
});

describe('notices in French', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser({ language: 'fr', signedIn: false });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a sign-in error speaks French, with no English and no setting name', async () => {
    await browser.openFixture('acme-opportunity.html');
    const panel = await browser.openPanel();
    // A fresh browser on a busy machine: the first question can take a while to be refused.
    await expect.poll(() => panel.getByLabel('Votre question').isEditable(), { timeout: 20_000 }).toBe(true);
    await ask(panel, 'bonjour');
    const error = panel.getByTestId('error');
    await expect.poll(() => error.getAttribute('data-code'), { timeout: 40_000 }).toBe('unauthorized');
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('Veuillez vous connecter');
    expect(text).toContain('Connectez-vous avec votre compte d’entreprise');
    expect(text).not.toMatch(/\b(Sign in|Beside to continue|token)\b/);
    expect(text).not.toMatch(/[A-Z]+_[A-Z_]+/);
    await browser.screenshot(panel, 'notices-fr-sign-in-error');
    await panel.close();
  });

  it('says in French that the server refused the token', async () => {
    const options = await openOptions(browser);
    const notice = await saveAndTest(options, 'mauvais-jeton', 'a refusé votre connexion', {
      advanced: 'Avancé',
      save: /Enregistrer et tester/,
    });
    expect(await notice.getAttribute('data-state')).toBe('error');
    await browser.screenshot(options, 'notices-fr-options-token-refused');
    await options.close();
  });
});
