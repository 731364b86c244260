/**
 * DISABLED_FEATURES, served in /v1/config, turns parts of Beside off for a whole company: the server refuses
 * actions, and the panel hides what only it can stop (reading pages, inserting drafts into them).
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { WranglerDev } from '../../scripts/lib/wrangler-dev';
import { type Browser, e2eConfig, launchBrowser, startE2eWorker } from './harness';

const OPPORTUNITY_AT = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZabAAF/view';

let worker: WranglerDev | undefined;
let browser: Browser | undefined;

async function withFeaturesOff(disabled: string): Promise<{ panel: Page; browser: Browser }> {
  worker = await startE2eWorker({ DISABLED_FEATURES: disabled });
  browser = await launchBrowser();
  await browser.configure({ workerUrl: worker.url, token: e2eConfig().devToken });
  await browser.openFixture('salesforce-lightning--opportunity.html', { at: OPPORTUNITY_AT });
  return { panel: await browser.openPanel(), browser };
}

afterEach(async () => {
  await browser?.close();
  await worker?.stop();
  browser = undefined;
  worker = undefined;
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

// Each test starts a worker of its own (wrangler dev) and a browser: slow on a busy machine, so the test's budget
// covers both start-ups; the polls inside still fail fast on a wrong answer.
describe('feature switches from the organisation', { timeout: 180_000 }, () => {
  it('page-capture off: the panel reads nothing and says why', async () => {
    const { panel } = await withFeaturesOff('page-capture');
    await expect
      .poll(() => panel.getByTestId('capture-blocked').textContent(), { timeout: 15_000 })
      .toContain('Your organisation has turned off page reading in Beside');
    expect(await panel.getByTestId('capture-chip').count()).toBe(0);
    expect(await panel.getByRole('toolbar', { name: 'Quick actions' }).count()).toBe(0);
  });

  it('actions off: the page is read, but no quick action is offered', async () => {
    const { panel } = await withFeaturesOff('actions');
    await expect
      .poll(() => panel.getByTestId('capture-chip').textContent(), { timeout: 15_000 })
      .toContain('Opportunity');
    // Give the configuration time to arrive: the toolbar must not appear even then.
    await panel.waitForTimeout(1_000);
    expect(await panel.getByRole('toolbar', { name: 'Quick actions' }).count()).toBe(0);
  });

  it('insert-drafts off: a draft can be copied but not inserted into the page', async () => {
    const { panel, browser: current } = await withFeaturesOff('insert-drafts');
    await expect
      .poll(() => panel.getByTestId('capture-chip').textContent(), { timeout: 15_000 })
      .toContain('Opportunity');
    await panel.getByRole('button', { name: 'Draft follow-up email' }).click();
    await expect.poll(() => panel.getByTestId('draft').getAttribute('data-status'), { timeout: 20_000 }).toBe('ready');
    await expect.poll(() => panel.getByRole('button', { name: 'Copy' }).isVisible()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Insert into page' }).count()).toBe(0);
    await current.screenshot(panel, 'feature-insert-drafts-off');
  });
});
