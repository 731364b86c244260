import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedbackList } from '../../shared/admin';
import { type Browser, e2eConfig, launchBrowser } from './harness';

async function ask(panel: Page, question: string) {
  const input = panel.getByLabel('Your question');
  await input.fill(question);
  await input.press('Enter');
}

/** The feedback the worker stored, read through the admin API (the dev token is an administrator in development). */
async function storedFeedback() {
  const { workerUrl, devToken } = e2eConfig();
  const response = await fetch(`${workerUrl}/v1/admin/feedback?limit=50`, {
    headers: { Authorization: `Bearer ${devToken}` },
  });
  return FeedbackList.parse(await response.json()).items;
}

describe('feedback on answers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a thumbs-down with a reason and a comment is stored against the answer', async () => {
    await browser.openFixture('acme-opportunity.html');
    const panel = await browser.openPanel({ theme: 'light' });
    await panel.setViewportSize({ width: 360, height: 720 });
    const comment = `The renewal date moved ${crypto.randomUUID()}`;

    await ask(panel, '[[reply: Acme renews in March.]] When does Acme renew?');
    const answer = panel.locator('article[data-role="assistant"]').last();
    await expect.poll(() => answer.textContent(), { timeout: 20_000 }).toContain('Acme renews in March.');

    await answer.getByRole('button', { name: 'Not helpful' }).click();
    await answer.getByLabel('Outdated').check();
    await answer.getByLabel('Add a comment (optional)').fill(comment);
    await browser.screenshot(panel, 'feedback-reason-light');
    // Fits the 360-px panel: the form is no wider than the answer.
    const width = await answer.locator('.feedback__form').evaluate((form) => form.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await answer.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => answer.getByRole('status').textContent(), { timeout: 10_000 }).toContain('Thanks');

    await expect
      .poll(async () => (await storedFeedback()).find((item) => item.comment === comment), { timeout: 10_000 })
      .toMatchObject({ rating: 'down', reason: 'outdated', kind: 'answer', action: 'chat' });
  });
});
