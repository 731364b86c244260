import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO, type DemoServer, startDemoServer } from '../e2e/demo-setup';
import { type Browser, e2eConfig, launchBrowser } from '../e2e/harness';

/**
 * The screenshot tour (`npm run screenshots`): the real built extension, the worker serving the demo pages, the demo
 * model and the sample knowledge, driven through the panel's main states in English and French, each captured light
 * and dark at 360 px into test-results/screenshots/tour-<language>-<state>-<theme>.png. The e2e suite asserts these
 * states; this walks them all so a person can look at every one.
 */

const WIDTH = 360;
const HEIGHT = 720;

const words = {
  en: {
    question: 'Your question',
    ask: 'Does a three-year commitment change the discount?',
    draft: 'Draft follow-up email',
    copy: 'Copy',
    stop: 'Stop',
    history: 'Conversation history',
    advanced: 'Advanced',
    save: /Save and test/,
    alwaysRead: 'Always let Beside read',
  },
  fr: {
    question: 'Votre question',
    ask: 'Un engagement de trois ans change-t-il la remise ?',
    draft: 'Rédiger un e-mail de suivi',
    copy: 'Copier',
    stop: 'Arrêter',
    history: 'Historique des conversations',
    advanced: 'Avancé',
    save: /Enregistrer et tester/,
    alwaysRead: 'Toujours laisser Beside lire',
  },
} as const;

type Language = keyof typeof words;

const taken: string[] = [];
let demo: DemoServer | undefined;

async function shoot(browser: Browser, page: Page, language: Language, state: string) {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    // Let the theme's colours settle before the capture.
    await page.waitForTimeout(50);
    taken.push(await browser.screenshot(page, `tour-${language}-${state}-${theme}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function panelBeside(browser: Browser, path: string): Promise<{ tab: Page; panel: Page }> {
  const tab = await browser.context.newPage();
  await tab.goto(`${demo!.worker.url}${path}`);
  await tab.bringToFront();
  const panel = await browser.openPanel({ theme: 'light' });
  await panel.setViewportSize({ width: WIDTH, height: HEIGHT });
  await expect.poll(() => panel.getByTestId('capture-chip').getAttribute('class'), { timeout: 20_000 }).toBeTruthy();
  return { tab, panel };
}

async function ask(panel: Page, language: Language, question: string) {
  const input = panel.getByLabel(words[language].question);
  await input.fill(question);
  await input.press('Enter');
}

const idle = (panel: Page) =>
  expect
    .poll(async () => (await panel.locator('form.composer button[type="submit"]').count()) > 0, { timeout: 30_000 })
    .toBe(true);

afterAll(async () => {
  await demo?.stop();
  console.log(`\nScreenshot tour: ${taken.length} screenshots\n${taken.map((path) => `  ${path}`).join('\n')}\n`);
});

describe.each(['en', 'fr'] as const)('screenshot tour (%s)', (language) => {
  let browser: Browser;
  const say = words[language];

  it('walks the panel, the draft, the errors, the history, sign-in and the options', async () => {
    const { devToken } = e2eConfig();
    demo ??= await startDemoServer(devToken);
    // Each language starts as a person with nothing stored on the demo worker: the opportunity's conversation from the
    // walk in the other language would reopen instead of the empty panel.
    const erased = await fetch(`${demo.worker.url}/v1/me/data`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${devToken}` },
    });
    expect(erased.ok).toBe(true);
    browser = await launchBrowser({ language });
    try {
      await browser.configure({ workerUrl: demo.worker.url, token: devToken });

      // The empty panel beside the opportunity.
      const { tab, panel } = await panelBeside(browser, DEMO.opportunity);
      await panel.getByTestId('empty-state').waitFor({ timeout: 20_000 });
      await shoot(browser, panel, language, 'empty-panel');

      // A grounded answer with its citations, then one passage open.
      await ask(panel, language, say.ask);
      await idle(panel);
      const answer = panel.locator('article[data-role="assistant"]').last();
      await answer.getByTestId('citation').first().waitFor({ timeout: 30_000 });
      await shoot(browser, panel, language, 'answer-cited');
      await answer.locator('[data-testid="citation"]:not(.citation--page)').first().click();
      await shoot(browser, panel, language, 'answer-citation-open');
      await panel.keyboard.press('Escape');

      // Stopped half-way.
      const long = Array.from({ length: 80 }, (_, index) => `renewal${index}`).join(' ');
      await ask(panel, language, `[[chunk-delay: 120]] [[reply: ${long}]] ${say.ask}`);
      await expect.poll(() => answer.last().textContent(), { timeout: 15_000 }).toContain('renewal3');
      await panel.getByRole('button', { name: say.stop, exact: true }).click();
      await panel.getByTestId('stopped').last().waitFor({ timeout: 10_000 });
      await shoot(browser, panel, language, 'answer-stopped');

      // The composer past its limit.
      await panel.getByLabel(say.question).focus();
      await panel.keyboard.insertText('x'.repeat(20_300));
      await panel.getByTestId('composer-count').waitFor();
      await shoot(browser, panel, language, 'composer-over-limit');
      await panel.getByLabel(say.question).fill('');

      // The history of what was asked.
      await panel.getByRole('button', { name: say.history }).click();
      await panel.locator('.history').first().waitFor({ timeout: 10_000 });
      await shoot(browser, panel, language, 'history');
      await panel.getByRole('button', { name: say.history }).click();

      // An error the model caused: "Try again".
      await ask(panel, language, `[[status: 503]] ${say.ask}`);
      await panel.getByTestId('error').waitFor({ timeout: 20_000 });
      await shoot(browser, panel, language, 'error-model');
      await panel.close();
      await tab.close();

      // Summarize selection on the help-center article.
      const article = await browser.context.newPage();
      await article.goto(`${demo.worker.url}${DEMO.article}`);
      const selected = await article.evaluate(() => {
        const heading = [...document.querySelectorAll('h2')][1]!;
        const range = document.createRange();
        range.setStartBefore(heading);
        range.setEndAfter(heading.nextElementSibling!);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return getSelection()!.toString();
      });
      await browser.serviceWorker.evaluate(
        async ({ url, text }) => {
          const [target] = await chrome.tabs.query({ url });
          if (!target) throw new Error(`no tab at ${url}`);
          const info = { menuItemId: 'summarize-selection', selectionText: text, pageUrl: url, editable: false };
          (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, target);
        },
        { url: article.url(), text: selected },
      );
      const summaryPanel = await browser.openPanel({ theme: 'light' });
      await summaryPanel.setViewportSize({ width: WIDTH, height: HEIGHT });
      await summaryPanel.getByTestId('selection-quote').waitFor({ timeout: 20_000 });
      await idle(summaryPanel);
      await shoot(browser, summaryPanel, language, 'summarize-selection');
      await summaryPanel.getByTestId('selection-quote').locator('summary').click();
      await shoot(browser, summaryPanel, language, 'summarize-selection-open');
      await summaryPanel.close();
      await article.close();

      // A follow-up email from the Gmail thread, copied.
      const mail = await panelBeside(browser, DEMO.thread);
      await mail.panel.getByRole('button', { name: say.draft }).click();
      await expect
        .poll(() => mail.panel.getByTestId('draft').getAttribute('data-status'), { timeout: 30_000 })
        .toBe('ready');
      await shoot(browser, mail.panel, language, 'draft');
      await mail.panel.getByRole('button', { name: say.copy, exact: true }).click();
      await mail.panel.getByTestId('draft-status').waitFor();
      await shoot(browser, mail.panel, language, 'draft-copied');
      await mail.panel.close();
      await mail.tab.close();

      // The server out of reach: "Try again" and Settings.
      await browser.configure({ workerUrl: 'http://127.0.0.1:9' });
      const offline = await panelBeside(browser, DEMO.opportunity);
      await ask(offline.panel, language, say.ask);
      await offline.panel.getByTestId('error').waitFor({ timeout: 20_000 });
      await shoot(browser, offline.panel, language, 'error-network');
      await offline.panel.close();
      await offline.tab.close();

      // Signed out: the sign-in card, then a question that needs sign-in.
      await browser.configure({ workerUrl: demo.worker.url, token: '' });
      const signedOut = await panelBeside(browser, DEMO.opportunity);
      await signedOut.panel.getByTestId('sign-in').waitFor({ timeout: 20_000 });
      await shoot(browser, signedOut.panel, language, 'sign-in');
      await ask(signedOut.panel, language, say.ask);
      await signedOut.panel.getByTestId('error').waitFor({ timeout: 20_000 });
      await shoot(browser, signedOut.panel, language, 'error-sign-in');
      await signedOut.panel.close();
      await signedOut.tab.close();

      // The options page: a refused token, then the right one.
      const options = await browser.context.newPage();
      await options.setViewportSize({ width: WIDTH, height: HEIGHT });
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.getByText(say.advanced, { exact: true }).click();
      const notice = options.getByTestId('connection-test');
      for (const [token, state] of [
        ['wrong-token', 'options-token-refused'],
        [devToken, 'options-connected'],
      ] as const) {
        const before = await notice.textContent();
        await options.locator('input[type="password"]').fill(token);
        await options.getByRole('button', { name: say.save }).click();
        await expect
          .poll(
            async () =>
              (await notice.getAttribute('data-state')) !== 'checking' && (await notice.textContent()) !== before,
            {
              timeout: 15_000,
            },
          )
          .toBe(true);
        await shoot(browser, options, language, state);
      }
      await options.close();
    } finally {
      await browser.close();
    }
  });

  it('walks a CRM site Beside may not read yet: a tab it cannot read, the toolbar click, the offer, the grant', async () => {
    const { devToken } = e2eConfig();
    demo ??= await startDemoServer(devToken);
    // The CRM sites left optional, as shipped: the opportunity is shown at a Lightning address Beside has no grant for.
    const crm = await launchBrowser({ language, crmSites: 'optional' });
    try {
      await crm.configure({ workerUrl: demo.worker.url, token: devToken });
      const at = `https://globex.lightning.force.com${DEMO.opportunity.replace('/demo/salesforce', '')}`;
      const html = await (await fetch(`${demo.worker.url}${DEMO.opportunity}`)).text();
      await crm.context.route(at, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
      );
      // Chrome's extension settings, opened before the record so the record stays the tab beside the panel.
      const settings = await crm.context.newPage();
      await settings.goto('chrome://extensions');
      const tab = await crm.context.newPage();
      await tab.goto(at);
      const panel = await crm.openRealSidePanel(tab);
      await panel.setViewportSize({ width: WIDTH, height: HEIGHT });
      await panel.getByTestId('capture-unavailable').waitFor({ timeout: 20_000 });
      await shoot(crm, panel, language, 'tab-not-readable');

      await crm.clickToolbar(tab);
      await panel.getByTestId('site-access-offer').waitFor({ timeout: 20_000 });
      expect(await panel.getByTestId('site-access-offer').textContent()).toContain(say.alwaysRead);
      await shoot(crm, panel, language, 'site-access-offer');

      // Chrome's prompt cannot be clicked here: the site is approved in Chrome's extension settings first.
      await settings.evaluate(
        ({ id, origin }) =>
          (
            chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } }
          ).developerPrivate.addHostPermission(id, origin),
        { id: crm.extensionId, origin: 'https://globex.lightning.force.com/*' },
      );
      await settings.close();
      await panel.getByRole('button', { name: new RegExp(say.alwaysRead) }).click();
      await panel.getByTestId('site-access-granted').waitFor({ timeout: 20_000 });
      await shoot(crm, panel, language, 'site-access-granted');

      const options = await crm.context.newPage();
      await options.setViewportSize({ width: WIDTH, height: HEIGHT });
      await options.goto(`chrome-extension://${crm.extensionId}/options.html`);
      const sites = options.getByTestId('site-access-settings');
      await sites.getByRole('listitem').first().waitFor({ timeout: 10_000 });
      await sites.scrollIntoViewIfNeeded();
      await shoot(crm, options, language, 'options-site-access');
      await options.close();
    } finally {
      await crm.close();
    }
  });
});
