import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WranglerDev } from '../../scripts/lib/wrangler-dev';
import { workerSettingsFor } from '../idp/describe';
import { type Idp, startIdp } from '../idp/server';
import { type Browser, launchBrowser, startE2eWorker, upstreamRequests } from './harness';

/**
 * The sign-in story in real Chromium: the extension (fixed id), the real worker under `wrangler dev` trusting a real
 * OpenID provider (oidc-provider on 127.0.0.1) with short-lived access tokens, and the test upstream as the model.
 */
const EXTENSION_ID = 'hlgalnplmcnminpnbcdcmhedcjdkgmbf';
const ACCESS_TOKEN_TTL_S = 12;
const SALES_MARKER = `SALES-ONLY-${Date.now()}`;
const SUPPORT_MARKER = `SUPPORT-ONLY-${Date.now()}`;
const DEV_TOKEN = 'sign-in-e2e-dev-token';

let idp: Idp;
let worker: WranglerDev;

async function seed(space: string, marker: string) {
  const response = await fetch(`${worker.url}/v1/documents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${DEV_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      id: `e2e/${space}-discount-policy`,
      title: `${space} discount policy`,
      space,
      markdown: `# Discount policy\n\nDiscount approvals above 20 percent need a director. Reference ${marker}.`,
    }),
  });
  expect(response.status).toBeLessThan(300);
}

beforeAll(async () => {
  idp = await startIdp({
    clientRedirectUris: [`https://${EXTENSION_ID}.chromiumapp.org/oidc`],
    accessTokenTtl: ACCESS_TOKEN_TTL_S,
  });
  worker = await startE2eWorker({
    DEV_TOKEN,
    MODEL_TIMEOUT_MS: '10000',
    ...workerSettingsFor(idp),
    SPACES: JSON.stringify({ company: ['*'], sales: ['sales-team'], support: ['support-team'] }),
    CAPTURE_BLOCKLIST: '127.0.0.1/private',
  });
  await seed('sales', SALES_MARKER);
  await seed('support', SUPPORT_MARKER);
});

afterAll(async () => {
  await worker?.stop();
  await idp?.stop();
});

async function ask(panel: Page, question: string) {
  const input = panel.getByLabel('Your question');
  await input.fill(question);
  await input.press('Enter');
}

const lastAnswer = (panel: Page) => panel.locator('article[data-role="assistant"]').last();

/** Token requests the extension's service worker sent to the provider, by grant type. */
function watchGrants(browser: Browser): string[] {
  const grants: string[] = [];
  browser.context.on('request', (request) => {
    if (request.url().startsWith(`${idp.issuer}/token`) && request.method() === 'POST') {
      grants.push(new URLSearchParams(request.postData() ?? '').get('grant_type') ?? '?');
    }
  });
  return grants;
}

/** Clicks "Sign in" in `from`, and logs in on the provider's page that opens. */
async function signIn(browser: Browser, from: Page, login: string, button = 'Sign in') {
  const providerPage = browser.context.waitForEvent('page', { timeout: 15_000 });
  await from.getByRole('button', { name: button, exact: true }).click();
  const page = await providerPage;
  await page.waitForLoadState();
  expect(page.url()).toContain(idp.issuer);
  await page.getByLabel('Email or user name').fill(login);
  await page.getByLabel('Password').fill(idp.password);
  await browser.screenshot(page, `sign-in-provider-${login}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function openAccount(panel: Page) {
  await panel.getByRole('button', { name: 'Account' }).click();
  const menu = panel.getByTestId('account-menu');
  await menu.waitFor({ timeout: 10_000 });
  return menu;
}

/** What the model was asked (chat requests only; the query's embedding request carries the question too). */
async function requestsWith(text: string) {
  return (await upstreamRequests()).filter(
    (request) => request.path === '/v1/chat/completions' && JSON.stringify(request.body).includes(text),
  );
}

describe('signing in with the company identity provider', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser({ signedIn: false });
    await browser.configure({ workerUrl: worker.url });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs the sales rep in, answers, renews silently when the token expires, and signs out', async () => {
    expect(browser.extensionId).toBe(EXTENSION_ID);
    const grants = watchGrants(browser);
    const deal = await browser.openFixture('acme-opportunity.html');
    const panel = await browser.openPanel({ theme: 'light' });

    const card = panel.getByTestId('sign-in');
    await card.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 15_000 });
    await browser.screenshot(panel, 'sign-in-signed-out-light');
    await signIn(browser, panel, 'sam');

    // The panel shows the rep and the spaces the server says they read.
    await panel.getByRole('button', { name: 'Account' }).waitFor({ timeout: 15_000 });
    expect(await card.count()).toBe(0);
    // Back on the deal (the panel page stands in for Chrome's side panel here, so it reads the active tab).
    await deal.bringToFront();
    await expect.poll(() => panel.getByTestId('capture-chip').textContent(), { timeout: 15_000 }).toContain('Acme');
    const menu = await openAccount(panel);
    await expect.poll(() => menu.textContent(), { timeout: 10_000 }).toContain('Sam Rivera');
    expect(await menu.textContent()).toContain('sam@northwind.example');
    await expect.poll(() => menu.getByTestId('account-spaces').textContent()).toContain('sales');
    expect(await menu.getByTestId('account-spaces').textContent()).not.toContain('support');
    await browser.screenshot(panel, 'sign-in-account-light');
    await panel.emulateMedia({ colorScheme: 'dark' });
    await browser.screenshot(panel, 'sign-in-account-dark');
    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.keyboard.press('Escape');
    expect(grants).toEqual(['authorization_code']);

    const first = `What is the discount policy? ${Date.now()}`;
    await ask(panel, first);
    await expect.poll(() => lastAnswer(panel).textContent(), { timeout: 20_000 }).not.toBe('');
    await expect.poll(() => panel.getByRole('button', { name: 'Send' }).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await panel.getByTestId('error').count()).toBe(0);
    const [asked] = await requestsWith(first);
    expect(JSON.stringify(asked?.body)).toContain(SALES_MARKER);
    expect(JSON.stringify(asked?.body)).not.toContain(SUPPORT_MARKER);

    // Let the access token reach its last fifth: the next question renews it first, with the refresh token.
    await new Promise((done) => setTimeout(done, ACCESS_TOKEN_TTL_S * 1000));
    const second = `And for renewals? ${Date.now()}`;
    await ask(panel, second);
    await expect.poll(async () => (await requestsWith(second)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => panel.getByRole('button', { name: 'Send' }).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await panel.getByTestId('error').count()).toBe(0);
    expect(grants).toEqual(['authorization_code', 'refresh_token']);
    await browser.screenshot(panel, 'sign-in-answered-light');

    const signedInMenu = await openAccount(panel);
    await signedInMenu.getByRole('button', { name: 'Sign out' }).click();
    await panel.getByTestId('sign-in').waitFor({ timeout: 10_000 });
    expect(await panel.getByRole('button', { name: 'Account' }).count()).toBe(0);
    await panel.emulateMedia({ colorScheme: 'dark' });
    await browser.screenshot(panel, 'sign-in-signed-out-dark');
    // Signed out means forgotten: nothing of the sign-in is left in the extension's storage.
    const stored = await browser.serviceWorker.evaluate(async () => ({
      local: await chrome.storage.local.get(null),
      session: await chrome.storage.session.get(null),
    }));
    const secrets = ['auth.tokens', 'auth.refreshToken', 'auth.state'];
    expect(Object.keys(stored.local).filter((key) => secrets.includes(key))).toEqual([]);
    expect(Object.keys(stored.session).filter((key) => secrets.includes(key))).toEqual([]);
    expect(JSON.stringify(stored)).not.toContain('eyJ');
  });

  it('a support agent reads support knowledge and never sales passages', async () => {
    const panel = await browser.openPanel({ theme: 'dark' });
    await panel.getByTestId('sign-in').getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 15_000 });
    await signIn(browser, panel, 'alex');
    const menu = await openAccount(panel);
    await expect.poll(() => menu.textContent(), { timeout: 10_000 }).toContain('Alex Chen');
    await expect.poll(() => menu.getByTestId('account-spaces').textContent()).toContain('support');
    expect(await menu.getByTestId('account-spaces').textContent()).not.toContain('sales');
    await browser.screenshot(panel, 'sign-in-support-agent-dark');
    await panel.keyboard.press('Escape');

    const question = `What is the discount policy? agent ${Date.now()}`;
    await ask(panel, question);
    await expect.poll(async () => (await requestsWith(question)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const sent = JSON.stringify((await requestsWith(question)).map((request) => request.body));
    expect(sent).toContain(SUPPORT_MARKER);
    expect(sent).not.toContain(SALES_MARKER);
  });
});

describe('capture policy', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser({ signedIn: false });
    await browser.configure({ workerUrl: worker.url, token: DEV_TOKEN });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('does not read a page the organisation blocks: no capture, no page in questions, no selection summaries', async () => {
    const blockedUrl = `${browser.fixturesUrl}/private/acme-opportunity.html`;
    const page = await browser.openFixture('acme-opportunity.html', { at: blockedUrl });
    const panel = await browser.openPanel({ theme: 'light' });
    const blocked = panel.getByTestId('capture-blocked');
    await expect
      .poll(() => blocked.textContent(), { timeout: 15_000 })
      .toContain('Your organisation does not allow Beside to read this site');
    expect(await panel.getByTestId('capture-chip').count()).toBe(0);
    await browser.screenshot(panel, 'capture-blocked-light');
    await panel.emulateMedia({ colorScheme: 'dark' });
    await browser.screenshot(panel, 'capture-blocked-dark');

    const question = `What is this deal worth? ${Date.now()}`;
    await ask(panel, question);
    await expect.poll(async () => (await requestsWith(question)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(JSON.stringify((await requestsWith(question)).map((request) => request.body))).not.toContain(
      'E2E-PAGE-41c9',
    );

    // Right-click → Summarize selection on the blocked page: the panel refuses, nothing goes to the model.
    const before = (await upstreamRequests()).length;
    const selection = `CONFIDENTIAL-SELECTION-${Date.now()}`;
    await browser.serviceWorker.evaluate(
      async ({ url, text }) => {
        const [tab] = await chrome.tabs.query({ url });
        if (!tab) throw new Error(`no tab at ${url}`);
        const info = { menuItemId: 'summarize-selection', selectionText: text, pageUrl: url, editable: false };
        (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, tab);
      },
      { url: page.url(), text: selection },
    );
    await expect
      .poll(() => panel.getByText('Your organisation does not allow Beside to read this site').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(1);
    await new Promise((done) => setTimeout(done, 1_000));
    expect(await requestsWith(selection)).toEqual([]);
    expect((await upstreamRequests()).length).toBe(before);

    // The same page at an address that is not blocked is read as usual.
    await browser.openFixture('acme-opportunity.html');
    const open = await browser.openPanel({ theme: 'light' });
    await expect.poll(() => open.getByTestId('capture-chip').textContent(), { timeout: 15_000 }).toContain('Acme');
  });
});
