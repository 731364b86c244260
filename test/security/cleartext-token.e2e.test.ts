import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser } from '../e2e/harness';

/**
 * Finding: the options page took any `http://` server address, so the sign-in token could travel in clear text.
 * Now only `https://`, or `http://` to this computer (shared/server-url.ts) — refused when typed, and refused at
 * send time when such an address was stored earlier.
 */

const CLEARTEXT = 'http://beside.example.test';

describe('Token over clear text: the extension never sends the token to a non-loopback http:// server', () => {
  let browser: Browser;
  const requested: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    browser.context.on('request', (request) => {
      if (request.url().startsWith(CLEARTEXT)) requested.push(request.url());
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the options page refuses the address with a clear message and keeps the stored one', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('Server address').fill(CLEARTEXT);
    await options.getByRole('button', { name: 'Save and test connection' }).click();
    await expect
      .poll(() => options.getByRole('status').textContent(), { timeout: 10_000 })
      .toContain('only sends your sign-in over https://');
    const stored = await browser.serviceWorker.evaluate(() => chrome.storage.local.get('workerUrl'));
    expect(stored.workerUrl).toBe(browser.workerUrl);
    expect(requested).toEqual([]);
    await options.close();
  });

  it('an address stored earlier gets no request: the panel says why and points to Settings', async () => {
    await browser.configure({ workerUrl: CLEARTEXT });
    try {
      await browser.openFixture('acme-opportunity.html');
      const panel = await browser.openPanel();
      const input = panel.getByLabel('Your question');
      await input.fill('hello');
      await input.press('Enter');
      const error = panel.getByTestId('error');
      await expect.poll(() => error.getAttribute('data-code'), { timeout: 15_000 }).toBe('insecure_server');
      expect(await error.getByRole('button', { name: 'Open Settings' }).isVisible()).toBe(true);
      expect(requested).toEqual([]);
      await browser.screenshot(panel, 'security-cleartext-token');
      await panel.close();
    } finally {
      await browser.configure({ workerUrl: browser.workerUrl });
    }
  });
});
