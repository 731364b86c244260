import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, takeSuggestedAssistant, upstreamRequests } from './harness';

const OPPORTUNITY_AT = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZabAAF/view';
const openOpportunity = (browser: Browser) =>
  browser.openFixture('salesforce-lightning--opportunity.html', { at: OPPORTUNITY_AT });

const chipReady = (panel: Page) =>
  expect.poll(() => panel.getByTestId('capture-chip').textContent(), { timeout: 15_000 }).toContain('Acme');

/** Text of the model requests that carry `needle`, newest last. */
async function modelRequestsWith(needle: string): Promise<string[]> {
  return (await upstreamRequests())
    .filter((request) => request.path !== '/v1/embeddings')
    .map((request) => JSON.stringify(request.body))
    .filter((body) => body.includes(needle));
}

/** Takes the panel's French suggestion of the Sales assistant (Ventes) for the opportunity, unless already chosen. */
const salesInFrench = (panel: Page) => takeSuggestedAssistant(panel, 'Ventes', 'Utiliser Ventes pour cette page');

describe('the extension speaks the browser language', () => {
  describe('French browser (--lang=fr)', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser({ language: 'fr' });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('shows the panel in French: empty state, suggestions, quick actions, composer, capture chip', async () => {
      expect(await browser.serviceWorker.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^fr/);
      await openOpportunity(browser);
      const panel = await browser.openPanel({ theme: 'light' });
      await chipReady(panel);
      // The catalog in French: General's starters, then Sales (Ventes) suggested for the opportunity and its starters.
      await expect.poll(() => panel.getByTestId('empty-state').textContent()).toContain('Résume cette page');
      await salesInFrench(panel);
      await expect.poll(() => panel.getByTestId('empty-state').textContent()).toContain('Quels sont les risques');
      for (const theme of ['light', 'dark'] as const) {
        await panel.emulateMedia({ colorScheme: theme });
        await chipReady(panel);
        await expect.poll(() => panel.getByTestId('empty-state').textContent()).toContain('Posez une question');
        await expect.poll(() => panel.getByRole('button', { name: /Rédiger un e-mail de suivi/ }).count()).toBe(1);
        expect(await panel.getByLabel('Votre question').getAttribute('placeholder')).toBe('Demandez à Beside…');
        expect(await panel.getByRole('button', { name: 'Envoyer' }).count()).toBe(1);
        expect(await panel.getByRole('button', { name: 'Paramètres' }).count()).toBe(1);
        // No English left in the visible panel.
        const text = ((await panel.locator('body').textContent()) ?? '').replace(/Acme[^\n]*/g, '');
        expect(text).not.toMatch(/\b(Ask|Send|Summarize|Draft|Settings|Reading)\b/);
        await browser.screenshot(panel, `language-fr-panel-${theme}`);
      }
    });

    it('says in full, in French, why a tab cannot be read and what to click', async () => {
      // localhost: a site the e2e build has no access to, as any site is before the toolbar click.
      const tab = await browser.context.newPage();
      await tab.goto(`${browser.fixturesUrl.replace('127.0.0.1', 'localhost')}/acme-opportunity.html`);
      await tab.bringToFront();
      const panel = await browser.openPanel({ theme: 'dark' });
      const label = panel.getByTestId('capture-unavailable').locator('.chip__label');
      await expect
        .poll(() => label.textContent(), { timeout: 15_000 })
        .toMatch(/Cliquez sur le bouton Beside.*partager/);
      // Every line of it shows at 360 px: the instruction at its end is what the person needs.
      expect(await label.evaluate((element) => element.scrollHeight <= element.clientHeight + 1)).toBe(true);
      await browser.screenshot(panel, 'language-fr-tab-not-readable-dark');
      await panel.close();
      await tab.close();
    });

    it('asks in French from a suggestion, so the question the model gets is French', async () => {
      await openOpportunity(browser);
      const panel = await browser.openPanel();
      await chipReady(panel);
      await salesInFrench(panel);
      // French typography: a (narrow) no-break space before "?".
      await panel.getByRole('button', { name: /^Quels sont les risques sur cette affaire\s\?$/ }).click();
      await expect
        .poll(() => panel.locator('article[data-role="user"]').first().textContent(), { timeout: 15_000 })
        .toMatch(/^Quels sont les risques sur cette affaire\s\?$/);
      await expect
        .poll(async () => (await modelRequestsWith('Quels sont les risques sur cette affaire')).length, {
          timeout: 20_000,
        })
        .toBeGreaterThan(0);
      await expect
        .poll(() => panel.getByRole('button', { name: 'Envoyer' }).isVisible(), { timeout: 15_000 })
        .toBe(true);
      await browser.screenshot(panel, 'language-fr-answer');
    });

    it('shows the options page and the draft view in French', async () => {
      const options = await browser.context.newPage();
      await options.setViewportSize({ width: 720, height: 800 });
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await expect.poll(() => options.locator('h1').textContent()).toBe('Paramètres de Beside');
      expect(await options.getByRole('button', { name: 'Enregistrer et tester la connexion' }).count()).toBe(1);
      await browser.screenshot(options, 'language-fr-options');
      await options.close();

      await openOpportunity(browser);
      const panel = await browser.openPanel();
      await chipReady(panel);
      await panel.getByRole('button', { name: /Rédiger un e-mail de suivi/ }).click();
      const draft = panel.getByTestId('draft');
      await expect.poll(() => draft.textContent(), { timeout: 15_000 }).toContain('Objet');
      expect(await draft.textContent()).toContain('Ton');
      await expect
        .poll(async () => (await modelRequestsWith('Rédige l’e-mail de suivi')).length, { timeout: 20_000 })
        .toBeGreaterThan(0);
      await browser.screenshot(panel, 'language-fr-draft');
    });
  });

  describe('English browser (--lang=en)', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser({ language: 'en' });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('shows the same panel in English', async () => {
      await openOpportunity(browser);
      const panel = await browser.openPanel();
      await chipReady(panel);
      await expect.poll(() => panel.getByTestId('empty-state').textContent()).toContain('Ask about this page');
      await expect.poll(() => panel.getByRole('button', { name: /Draft follow-up email/ }).count()).toBe(1);
      expect(await panel.getByLabel('Your question').getAttribute('placeholder')).toBe('Ask Beside…');
      await browser.screenshot(panel, 'language-en-panel');
    });
  });
});
