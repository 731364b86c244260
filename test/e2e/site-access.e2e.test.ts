import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startWranglerDev, type WranglerDev } from '../../scripts/lib/wrangler-dev';
import { type Browser, e2eConfig, launchBrowser } from './harness';

/**
 * "Always let Beside read <site>": after a toolbar click on a CRM record (activeTab) the panel offers a standing grant for that one
 * origin (the real chrome.permissions.request from the click), new tabs on the site are then read without a click,
 * the options page lists the grant and removes it, and the organisation's capture blocklist still wins over it.
 *
 * The browser loads the e2e build with the CRM sites left optional, as shipped. Headless Chromium cannot click
 * "Allow" in Chrome's permission prompt, so the person's approval is given the way Chrome's own extension settings
 * give it (chrome://extensions, developerPrivate.addHostPermission): Chrome does not prompt again for a site the
 * person already approved, so the panel's request resolves at once — and a request for anything wider (the
 * *.lightning.force.com wildcard) would still wait on a prompt and fail the test.
 */
const SITE = 'acme.lightning.force.com';
const ORIGIN = `https://${SITE}/*`;
const OPPORTUNITY_AT = `https://${SITE}/lightning/r/Opportunity/0065g00000XyZabAAF/view`;
const CASE_AT = `https://${SITE}/lightning/r/Case/5005g00000QrStUAAV/view`;
const OTHER_ORG_CASE_AT = 'https://globex.lightning.force.com/lightning/r/Case/5005g00000QrStUAAV/view';
const RECORD_NAME = 'Acme Corp - 200 Widgets';
/**
 * The one page the person clicked Beside's toolbar button on. Automation cannot press that button (activeTab), so the
 * browser is started with this page's path granted instead: the record reads as it does after a click, while every
 * other page of the site stays unreadable until the site is granted.
 */
const CLICKED_RECORD = `https://${SITE}/lightning/r/Opportunity/*`;

let browser: Browser | undefined;
let worker: WranglerDev | undefined;

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

/** Serves a fixture at a CRM address for every tab of the browser (tabs the panel opens included). */
async function serveAt(current: Browser, url: string, fixture: string) {
  const html = await (await fetch(`${current.fixturesUrl}/${fixture}`)).text();
  await current.context.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

/** The person's "Allow" for this origin, given where Chrome's own extension settings give it. */
async function approveInChromeSettings(current: Browser, origin: string) {
  const settings = await current.context.newPage();
  await settings.goto('chrome://extensions');
  await settings.evaluate(
    ({ id, host }) =>
      (
        chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } }
      ).developerPrivate.addHostPermission(id, host),
    { id: current.extensionId, host: origin },
  );
  await settings.close();
}

async function grantedOrigins(current: Browser): Promise<string[]> {
  return current.serviceWorker.evaluate(async () => (await chrome.permissions.getAll()).origins ?? []);
}

/** Records every chrome.permissions.request the panel makes, then lets it through to Chrome. */
async function recordPermissionRequests(panel: Page) {
  await panel.evaluate(() => {
    const calls: unknown[] = [];
    (window as unknown as { permissionRequests: unknown[] }).permissionRequests = calls;
    const real = chrome.permissions.request.bind(chrome.permissions);
    chrome.permissions.request = ((permissions: chrome.permissions.Permissions) => {
      calls.push(JSON.parse(JSON.stringify(permissions)));
      return real(permissions);
    }) as typeof chrome.permissions.request;
  });
}

async function openTabBeside(panel: Page, url: string) {
  await panel.evaluate(async (address) => {
    await chrome.tabs.create({ url: address, active: true });
  }, url);
}

const offer = (panel: Page) => panel.getByTestId('site-access-offer');
const chipText = (panel: Page) => panel.getByTestId('capture-chip').textContent();
const unavailableText = (panel: Page) => panel.getByTestId('capture-unavailable').textContent();

describe('always let Beside read a CRM site', () => {
  it('offers the one site after a click; once allowed, new tabs on it are read without a click; options removes it', async () => {
    const current = await launchBrowser({ crmSites: 'optional', clickedPages: [CLICKED_RECORD] });
    browser = current;
    await serveAt(current, CASE_AT, 'salesforce-lightning--case.html');
    await serveAt(current, OTHER_ORG_CASE_AT, 'salesforce-lightning--case.html');
    const before = (await grantedOrigins(current)).sort();
    expect(before).toEqual(['http://127.0.0.1/*', CLICKED_RECORD].sort());

    // The record the person clicked on is read, and the panel offers to read the whole site from now on.
    const record = await current.openFixture('salesforce-lightning--opportunity.html', { at: OPPORTUNITY_AT });
    const panel = await current.openPanel();
    await expect.poll(() => chipText(panel), { timeout: 15_000 }).toContain(RECORD_NAME);
    await expect
      .poll(() => offer(panel).textContent(), { timeout: 10_000 })
      .toContain(`Always let Beside read ${SITE}`);
    await current.screenshot(panel, 'site-access-offer-light');
    await panel.emulateMedia({ colorScheme: 'dark' });
    await current.screenshot(panel, 'site-access-offer-dark');
    await panel.emulateMedia({ colorScheme: 'light' });

    // Another record on the same site, never clicked: not readable yet (and its address is not even visible).
    await openTabBeside(panel, CASE_AT);
    await expect.poll(() => unavailableText(panel), { timeout: 15_000 }).toMatch(/Click the Beside toolbar button/);
    expect(await offer(panel).count()).toBe(0);
    await record.bringToFront();
    await panel.bringToFront();
    await expect.poll(() => chipText(panel), { timeout: 15_000 }).toContain(RECORD_NAME);

    // The click asks Chrome for exactly this origin, never the manifest's wildcard.
    await approveInChromeSettings(current, ORIGIN);
    await recordPermissionRequests(panel);
    await panel.getByRole('button', { name: `Always let Beside read ${SITE}` }).click();
    await expect
      .poll(() => panel.getByTestId('site-access-granted').textContent(), { timeout: 10_000 })
      .toContain(`Beside now reads ${SITE} in every tab`);
    expect(
      await panel.evaluate(() => (window as unknown as { permissionRequests: unknown[] }).permissionRequests),
    ).toEqual([{ origins: [ORIGIN] }]);
    expect((await grantedOrigins(current)).sort()).toEqual([...before, ORIGIN].sort());
    expect(await offer(panel).count()).toBe(0);
    await current.screenshot(panel, 'site-access-granted');

    // A new tab on the site is read at once, with no click; another organisation's site still needs one.
    await openTabBeside(panel, CASE_AT);
    await expect.poll(() => chipText(panel), { timeout: 15_000 }).toContain('00001027');
    await openTabBeside(panel, OTHER_ORG_CASE_AT);
    await expect.poll(() => unavailableText(panel), { timeout: 15_000 }).toMatch(/Click the Beside toolbar button/);

    // Options lists the site; Remove takes the grant back in Chrome, and the panel stops reading the site.
    await openTabBeside(panel, CASE_AT);
    await expect.poll(() => chipText(panel), { timeout: 15_000 }).toContain('00001027');
    const options = await current.context.newPage();
    await options.setViewportSize({ width: 560, height: 720 });
    await options.goto(`chrome-extension://${current.extensionId}/options.html`);
    const list = options.getByTestId('site-access-settings');
    await expect
      .poll(() => list.getByRole('listitem').allTextContents(), { timeout: 10_000 })
      .toEqual([`${SITE}Remove`]);
    await list.scrollIntoViewIfNeeded();
    await current.screenshot(options, 'site-access-options-granted');
    await list.getByRole('button', { name: `Remove ${SITE}` }).click();
    await expect.poll(() => grantedOrigins(current), { timeout: 10_000 }).not.toContain(ORIGIN);
    expect((await grantedOrigins(current)).sort()).toEqual(before);
    await expect.poll(() => list.textContent()).toContain('None yet');
    await current.screenshot(options, 'site-access-options-none');
    await expect.poll(() => unavailableText(panel), { timeout: 15_000 }).toMatch(/Click the Beside toolbar button/);
  });

  it('the capture blocklist still wins over a grant: a blocked site is neither read nor offered', async () => {
    const { upstreamUrl, devToken } = e2eConfig();
    worker = await startWranglerDev({
      vars: {
        ENVIRONMENT: 'development',
        DEV_TOKEN: devToken,
        OPENAI_BASE_URL: upstreamUrl,
        OPENAI_API_KEY: 'e2e',
        CHAT_MODEL: 'test-model',
        EMBEDDING_MODEL: 'text-embedding-3-small',
        CAPTURE_BLOCKLIST: SITE,
      },
    });
    const current = await launchBrowser({ crmSites: 'optional' });
    browser = current;
    await current.configure({ workerUrl: worker.url, token: devToken });
    await approveInChromeSettings(current, ORIGIN);
    // The grant, asked from an extension page with a real click (a user gesture), as the panel asks it.
    const asker = await current.context.newPage();
    await asker.goto(`chrome-extension://${current.extensionId}/options.html`);
    await asker.evaluate((origin) => {
      const button = document.createElement('button');
      button.id = 'ask';
      button.textContent = 'ask';
      button.onclick = () => {
        void chrome.permissions.request({ origins: [origin] });
      };
      document.body.prepend(button);
    }, ORIGIN);
    await asker.click('#ask');
    await expect.poll(() => grantedOrigins(current), { timeout: 10_000 }).toContain(ORIGIN);
    await asker.close();

    await current.openFixture('salesforce-lightning--opportunity.html', { at: OPPORTUNITY_AT });
    const panel = await current.openPanel();
    await expect
      .poll(() => panel.getByTestId('capture-blocked').textContent(), { timeout: 15_000 })
      .toContain('Your organisation does not allow Beside to read this site');
    expect(await panel.getByTestId('capture-chip').count()).toBe(0);
    expect(await offer(panel).count()).toBe(0);
    await current.screenshot(panel, 'site-access-blocked-despite-grant');
  });
});
