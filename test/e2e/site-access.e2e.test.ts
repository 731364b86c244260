import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { WranglerDev } from '../../scripts/lib/wrangler-dev';
import { type Browser, e2eConfig, launchBrowser, startE2eWorker } from './harness';

/**
 * "Always let Beside read <site>". The browser loads the e2e build with the CRM sites left optional, as shipped: a
 * Lightning record is unreadable until the person clicks Beside's toolbar button on it (a real click, through CDP's
 * Extensions.triggerAction, which grants activeTab). The panel then offers a standing grant for that one origin; new
 * tabs on the site are read without a click; options lists the site and Remove takes it back; the organisation's
 * capture blocklist wins over a grant.
 *
 * Headless Chromium cannot press "Allow" in Chrome's permission prompt. The person's approval is given beforehand where
 * Chrome's own extension settings give it (chrome://extensions, developerPrivate.addHostPermission): that records the
 * site as approved without granting it, and the panel's real request from the click then resolves true with no prompt
 * — while a request for anything wider (the *.lightning.force.com wildcard) would wait on a prompt and fail the test.
 */
const SITE = 'acme.lightning.force.com';
const ORIGIN = `https://${SITE}/*`;
const OPPORTUNITY_AT = `https://${SITE}/lightning/r/Opportunity/0065g00000XyZabAAF/view`;
const CASE_AT = `https://${SITE}/lightning/r/Case/5005g00000QrStUAAV/view`;
const OTHER_ORG_CASE_AT = 'https://globex.lightning.force.com/lightning/r/Case/5005g00000QrStUAAV/view';
const RECORD_NAME = 'Acme Corp - 200 Widgets';
const CASE_NUMBER = '00001027';
const NOT_READABLE = /Click the Beside toolbar button/;

let browser: Browser | undefined;
let worker: WranglerDev | undefined;

afterEach(async () => {
  await browser?.close();
  await worker?.stop();
  browser = undefined;
  worker = undefined;
});

/** Serves a fixture at a CRM address for every tab of the browser (tabs the panel opens included). */
async function serveAt(current: Browser, url: string, fixture: string) {
  const html = await (await fetch(`${current.fixturesUrl}/${fixture}`)).text();
  await current.context.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

/** Chrome's own extension settings, where a person can grant a site (the stand-in for the prompt's "Allow"). */
async function chromeExtensionSettings(current: Browser) {
  const settings = await current.context.newPage();
  await settings.goto('chrome://extensions');
  return {
    approve: (origin: string) =>
      settings.evaluate(
        ({ id, host }) =>
          (
            chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } }
          ).developerPrivate.addHostPermission(id, host),
        { id: current.extensionId, host: origin },
      ),
    close: () => settings.close(),
  };
}

async function grantedOrigins(current: Browser): Promise<string[]> {
  return (await current.serviceWorker.evaluate(async () => (await chrome.permissions.getAll()).origins ?? [])).sort();
}

async function siteGranted(current: Browser): Promise<boolean> {
  return current.serviceWorker.evaluate((origin) => chrome.permissions.contains({ origins: [origin] }), ORIGIN);
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

/** Grants the site outright, as the panel would after the person's Allow: a real request from a click on a Beside page. */
async function grantFromAClick(current: Browser, origin: string) {
  const asker = await current.context.newPage();
  await asker.goto(`chrome-extension://${current.extensionId}/options.html`);
  await asker.evaluate((wanted) => {
    const button = document.createElement('button');
    button.id = 'ask';
    button.textContent = 'ask';
    button.onclick = () => {
      void chrome.permissions.request({ origins: [wanted] });
    };
    document.body.prepend(button);
  }, origin);
  await asker.click('#ask');
  await expect.poll(() => siteGranted(current), { timeout: 10_000 }).toBe(true);
  await asker.close();
}

const permissionRequests = (panel: Page) =>
  panel.evaluate(() => (window as unknown as { permissionRequests: unknown[] }).permissionRequests);

/** Opens a tab in the panel's window (as the person would) and makes it the active one. */
async function openTabBeside(panel: Page, url: string) {
  await panel.evaluate(async (address) => {
    await chrome.tabs.create({ url: address, active: true });
  }, url);
}

/** Makes an open tab the active one again (the person going back to it). */
async function returnTo(panel: Page, url: string) {
  await panel.evaluate(async (address) => {
    const [tab] = await chrome.tabs.query({ url: address });
    if (tab?.id === undefined) throw new Error(`no readable tab at ${address}`);
    await chrome.tabs.update(tab.id, { active: true });
  }, url);
}

const offer = (panel: Page) => panel.getByTestId('site-access-offer');
const chipText = (panel: Page) => panel.getByTestId('capture-chip').textContent();
const unavailableText = (panel: Page) => panel.getByTestId('capture-unavailable').textContent();

// Longer than the default: each test drives a whole flow, and the second starts its own worker.
describe('always let Beside read a CRM site', { timeout: 120_000 }, () => {
  it('a toolbar click reads the record and offers its one site; once allowed, new tabs are read without a click; options removes it', async () => {
    const current = await launchBrowser({ crmSites: 'optional' });
    browser = current;
    await serveAt(current, CASE_AT, 'salesforce-lightning--case.html');
    await serveAt(current, OTHER_ORG_CASE_AT, 'salesforce-lightning--case.html');
    const before = await grantedOrigins(current);
    expect(before).toEqual(['http://127.0.0.1/*']);
    // Opened now: a tab opened later would become the tab beside the panel.
    const settings = await chromeExtensionSettings(current);

    // The panel opened beside a record nobody clicked on: nothing is read, and nothing is offered (the panel cannot
    // even see the address).
    const record = await current.openFixture('salesforce-lightning--opportunity.html', { at: OPPORTUNITY_AT });
    const panel = await current.openRealSidePanel(record);
    await expect.poll(() => unavailableText(panel), { timeout: 15_000 }).toMatch(NOT_READABLE);
    expect(await panel.getByTestId('capture-chip').count()).toBe(0);
    expect(await offer(panel).count()).toBe(0);

    // The toolbar click shares the record: the open panel reads it and offers to read the whole site from now on.
    await current.clickToolbar(record);
    await expect.poll(() => chipText(panel), { timeout: 15_000 }).toContain(RECORD_NAME);
    await expect
      .poll(() => offer(panel).textContent(), { timeout: 10_000 })
      .toContain(`Always let Beside read ${SITE}`);
    await current.screenshot(panel, 'site-access-offer-light');
    await panel.emulateMedia({ colorScheme: 'dark' });
    await current.screenshot(panel, 'site-access-offer-dark');
    await panel.emulateMedia({ colorScheme: 'light' });

    // Another record on the same site, never clicked: not readable, and no offer (its address is not visible).
    await openTabBeside(panel, CASE_AT);
    await expect.poll(() => unavailableText(panel), { timeout: 15_000 }).toMatch(NOT_READABLE);
    expect(await offer(panel).count()).toBe(0);
    await returnTo(panel, OPPORTUNITY_AT);
    await expect.poll(() => chipText(panel), { timeout: 15_000 }).toContain(RECORD_NAME);
    await offer(panel).waitFor({ timeout: 10_000 });

    // The person allows the site; the click asks Chrome for exactly this origin, and Chrome grants it.
    await settings.approve(ORIGIN);
    expect(await siteGranted(current)).toBe(false);
    await settings.close();
    await recordPermissionRequests(panel);
    await panel.getByRole('button', { name: `Always let Beside read ${SITE}` }).click();
    expect(await permissionRequests(panel)).toEqual([{ origins: [ORIGIN] }]);
    await expect
      .poll(() => panel.getByTestId('site-access-granted').textContent(), { timeout: 10_000 })
      .toContain(`Beside now reads ${SITE} in every tab`);
    expect(await grantedOrigins(current)).toEqual([...before, ORIGIN].sort());
    expect(await offer(panel).count()).toBe(0);
    await current.screenshot(panel, 'site-access-granted');

    // A new tab on the site is read at once, with no click; another organisation's site still needs one.
    await openTabBeside(panel, CASE_AT);
    await expect.poll(() => chipText(panel), { timeout: 15_000 }).toContain(CASE_NUMBER);
    await openTabBeside(panel, OTHER_ORG_CASE_AT);
    await expect.poll(() => unavailableText(panel), { timeout: 15_000 }).toMatch(NOT_READABLE);
    expect(await offer(panel).count()).toBe(0);

    // Options lists the site; Remove takes the grant back in Chrome.
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
    await expect.poll(() => siteGranted(current), { timeout: 10_000 }).toBe(false);
    expect(await grantedOrigins(current)).toEqual(before);
    await expect.poll(() => list.textContent()).toContain('None yet');
    await current.screenshot(options, 'site-access-options-none');
    await options.close();

    // A new tab on the site is no longer read without a click.
    await openTabBeside(panel, `${CASE_AT}?again`);
    await expect.poll(() => unavailableText(panel), { timeout: 15_000 }).toMatch(NOT_READABLE);
    expect(await panel.getByTestId('capture-chip').count()).toBe(0);
  });

  it('the capture blocklist wins over a grant: a blocked site is neither read nor offered, even after a click', async () => {
    const { devToken } = e2eConfig();
    worker = await startE2eWorker({ CAPTURE_BLOCKLIST: SITE });
    const current = await launchBrowser({ crmSites: 'optional' });
    browser = current;
    await serveAt(current, CASE_AT, 'salesforce-lightning--case.html');
    await current.configure({ workerUrl: worker.url, token: devToken });
    const blocked = (panel: Page) => panel.getByTestId('capture-blocked').textContent();

    // Clicked on: Chrome lets Beside read the record, the organisation does not — nothing is read, nothing offered.
    const record = await current.openFixture('salesforce-lightning--opportunity.html', { at: OPPORTUNITY_AT });
    const panel = await current.clickToolbar(record);
    await expect
      .poll(() => blocked(panel), { timeout: 15_000 })
      .toContain('Your organisation does not allow Beside to read this site');
    expect(await panel.getByTestId('capture-chip').count()).toBe(0);
    expect(await offer(panel).count()).toBe(0);

    // A standing grant changes nothing.
    const settings = await chromeExtensionSettings(current);
    await settings.approve(ORIGIN);
    await settings.close();
    await grantFromAClick(current, ORIGIN);
    await returnTo(panel, OPPORTUNITY_AT);
    await openTabBeside(panel, CASE_AT);
    await expect.poll(() => blocked(panel), { timeout: 15_000 }).toContain('does not allow Beside');
    expect(await panel.getByTestId('capture-chip').count()).toBe(0);
    expect(await offer(panel).count()).toBe(0);
    await current.screenshot(panel, 'site-access-blocked-despite-grant');
  });
});
