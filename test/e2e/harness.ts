import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { expect, inject } from 'vitest';
import { CHROMIUM_PATH, withExtension } from '../../scripts/lib/chromium';
import { freePort } from '../../scripts/lib/ports';
import { startWranglerDev, type WranglerDev, type WranglerDevOptions } from '../../scripts/lib/wrangler-dev';
import './global-setup';
import { e2eWorkerSettings } from './worker-settings';

const root = resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = resolve(root, 'test-results/screenshots');

export interface RecordedUpstreamRequest {
  id: number;
  path: string;
  body: unknown;
  aborted: boolean;
}

export interface Browser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  workerUrl: string;
  fixturesUrl: string;
  devToken: string;
  /**
   * Opens a fixture page (a path under test/e2e/fixtures or test/fixtures/pages) in a new tab; with `at`, the
   * browser shows it at that URL (e.g. a Salesforce or Zendesk address) so site extractors recognise it.
   */
  openFixture(path: string, options?: { at?: string }): Promise<Page>;
  /** Opens the side panel UI for the most recently used page tab, sized like Chrome's side panel. */
  openPanel(options?: { theme?: 'light' | 'dark' }): Promise<Page>;
  /**
   * Opens Chrome's real side panel beside `tab` (chrome.sidePanel.open from an extension page, which carries
   * the user gesture) and returns it, reached over CDP because Playwright does not list side panels as pages.
   */
  openRealSidePanel(tab: Page): Promise<Page>;
  /**
   * Clicks Beside's toolbar button on `tab` as a person would (CDP Extensions.triggerAction on the tab's target):
   * Chrome grants activeTab for that tab and the extension opens its side panel, which is returned.
   */
  clickToolbar(tab: Page): Promise<Page>;
  /** Writes extension settings the way the options page does. */
  configure(settings: { token?: string; workerUrl?: string; theme?: 'system' | 'light' | 'dark' }): Promise<void>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export function e2eConfig() {
  return inject('e2e');
}

/**
 * A worker of the file's own, for settings the shared worker must not have (features off, a quota, an identity
 * provider): the shared settings (development, the dev token, the test upstream as model) with `vars` on top.
 */
export function startE2eWorker(
  vars: Record<string, string>,
  options: Omit<WranglerDevOptions, 'vars'> = {},
): Promise<WranglerDev> {
  const { devToken, upstreamUrl } = e2eConfig();
  return startWranglerDev({ ...options, vars: { ...e2eWorkerSettings({ devToken, upstreamUrl }), ...vars } });
}

/**
 * Takes the panel's one-click suggestion of the assistant named `name` (as the picker shows it, e.g. "Sales" or
 * "Ventes"), unless it is already chosen: the choice lasts for the browser session, so a later panel already has it
 * and is offered nothing. `useLabel` is the suggestion button's accessible name.
 */
export async function takeSuggestedAssistant(panel: Page, name: string, useLabel: string): Promise<void> {
  const picker = panel.getByTestId('assistant-picker');
  const suggestion = panel.getByTestId('assistant-suggestion');
  const chosen = async () => (await picker.textContent())?.includes(name) ?? false;
  await expect.poll(async () => (await chosen()) || (await suggestion.count()) > 0, { timeout: 15_000 }).toBe(true);
  if (!(await chosen())) await suggestion.getByRole('button', { name: useLabel }).click();
  await expect.poll(() => picker.textContent()).toContain(name);
}

/** Requests the worker made to the test upstream (the model), newest last. */
export async function upstreamRequests(): Promise<RecordedUpstreamRequest[]> {
  const base = e2eConfig().upstreamUrl.replace(/\/v1$/, '');
  return (await (await fetch(`${base}/__requests`)).json()) as RecordedUpstreamRequest[];
}

/**
 * A copy of the e2e build whose manifest grants only the fixture server: the CRM sites are left optional, exactly as
 * the shipped manifest declares them, so the panel has to ask for them.
 */
function withOptionalCrmSites(profile: string): string {
  const copy = join(profile, 'beside-extension');
  cpSync(resolve(root, '.output/chrome-mv3-e2e'), copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = ['http://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return copy;
}

/**
 * Real Chromium with the real built extension (e2e build: adds only a 127.0.0.1 host permission, because
 * automation cannot click the toolbar button that grants activeTab).
 */
export async function launchBrowser(
  options: {
    signedIn?: boolean;
    /** The browser's language: the extension follows it (chrome.i18n reads the UI language, set by --lang). */
    language?: 'en' | 'fr';
    /**
     * `optional`: the CRM sites stay optional host permissions, as in the shipped extension (the e2e build grants them
     * so other tests can read fixtures at CRM addresses without a toolbar click). Only the fixture server is granted.
     */
    crmSites?: 'granted' | 'optional';
  } = {},
): Promise<Browser> {
  const { workerUrl, fixturesUrl, devToken } = e2eConfig();
  // Every browser starts as a person with nothing stored: the panel reopens a record's stored conversation, so
  // without this a test would see the conversations earlier tests had about the same fixture record.
  const erased = await fetch(`${workerUrl}/v1/me/data`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${devToken}` },
  });
  if (!erased.ok) throw new Error(`Could not erase the e2e person's data: HTTP ${erased.status}`);
  const profile = mkdtempSync(join(tmpdir(), 'beside-chromium-'));
  const extensionPath =
    options.crmSites === 'optional' ? withOptionalCrmSites(profile) : resolve(root, '.output/chrome-mv3-e2e');
  const debuggingPort = await freePort();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1100, height: 800 },
    args: [
      ...withExtension(extensionPath),
      `--remote-debugging-port=${debuggingPort}`,
      // The CDP Extensions domain (a toolbar click for clickToolbar) answers only with this flag.
      '--enable-unsafe-extension-debugging',
      ...(options.language ? [`--lang=${options.language}`] : []),
    ],
    ...(options.language ? { locale: options.language, env: { ...process.env, LANGUAGE: options.language } } : {}),
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;

  /** The real side panel, reached over CDP: Playwright does not list side panels as pages. */
  async function findSidePanel(): Promise<Page> {
    const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${debuggingPort}`);
    for (let attempt = 0; attempt < 50; attempt++) {
      const panel = cdp
        .contexts()
        .flatMap((candidate) => candidate.pages())
        .find((page) => page.url().endsWith('/sidepanel.html'));
      if (panel) return panel;
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error('the side panel did not appear');
  }

  const browser: Browser = {
    context,
    serviceWorker,
    extensionId,
    workerUrl,
    fixturesUrl,
    devToken,
    async openFixture(path, { at } = {}) {
      const page = await context.newPage();
      const source = `${fixturesUrl}/${path.replace(/^\//, '')}`;
      if (at) {
        const html = await (await fetch(source)).text();
        await page.route(at, (route) =>
          route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
        );
      }
      await page.goto(at ?? source);
      await page.bringToFront();
      return page;
    },
    async openPanel({ theme } = {}) {
      const panel = await context.newPage();
      await panel.setViewportSize({ width: 360, height: 720 });
      if (theme) await panel.emulateMedia({ colorScheme: theme });
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return panel;
    },
    async openRealSidePanel(tab) {
      const tabUrl = tab.url();
      const opener = await context.newPage();
      await opener.goto(`chrome-extension://${extensionId}/options.html`);
      const opened = await opener.evaluate(async (url) => {
        const [target] = await chrome.tabs.query({ url });
        if (target?.id === undefined) return false;
        await chrome.tabs.update(target.id, { active: true });
        await chrome.sidePanel.open({ tabId: target.id });
        return true;
      }, tabUrl.split('#')[0] as string);
      if (!opened) {
        // A tab Beside may not read hides its address from the extension: make it the active tab, then open the
        // panel beside whatever tab is active in that window.
        await tab.bringToFront();
        await opener.evaluate(async () => {
          const [target] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
          if (target?.id === undefined) throw new Error('no active tab');
          await chrome.sidePanel.open({ tabId: target.id });
        });
      }
      await opener.close();
      return findSidePanel();
    },
    async clickToolbar(tab) {
      // A persistent context has no browser object of its own to open a browser session on.
      const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${debuggingPort}`);
      const session = await cdp.newBrowserCDPSession();
      try {
        // The action belongs to a tab: Chrome refuses the page target Playwright drives.
        const { targetInfos } = (await session.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
          targetInfos: { targetId: string; url: string }[];
        };
        const target = targetInfos.find((info) => info.url === tab.url());
        if (!target) throw new Error(`no tab target at ${tab.url()}`);
        await session.send(
          'Extensions.triggerAction' as never,
          { id: extensionId, targetId: target.targetId } as never,
        );
      } finally {
        await session.detach();
      }
      return findSidePanel();
    },
    async configure(settings) {
      await serviceWorker.evaluate(async (values) => {
        const entries = Object.entries(values).filter(([, value]) => value !== undefined);
        await chrome.storage.local.set(Object.fromEntries(entries));
      }, settings);
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };

  await browser.configure({ workerUrl, token: options.signedIn === false ? '' : devToken });
  return browser;
}
