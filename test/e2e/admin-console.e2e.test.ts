import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatShare } from '../../admin/format';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/chromium';
import { freePort } from '../../scripts/lib/ports';
import { startWranglerDev, type WranglerDev } from '../../scripts/lib/wrangler-dev';
import { localD1File, seedUsageFile } from '../../scripts/seed-usage/sqlite';
import { AssistantsReport, FeedbackList, KnowledgeReport, Overview } from '../../shared/admin';
import { AuditPage } from '../../shared/oversight';
import { workerSettingsFor } from '../idp/describe';
import { type Idp, startIdp } from '../idp/server';

/**
 * The admin console in real Chromium: the worker under `wrangler dev` serving /admin/ (built by
 * `npm run build:console`), a real OpenID provider, and five weeks of seeded usage. Morgan (kb-admins) signs in
 * and sees every page, with the numbers the API gives; Sam (sales) is refused. Screenshots in light and dark.
 */
const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
const today = new Date().toISOString().slice(0, 10);
const MORGAN = 'morgan@northwind.example';

let idp: Idp;
let worker: WranglerDev;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  idp = await startIdp({ clientRedirectUris: [`http://127.0.0.1:${port}/admin/`] });
  worker = await startWranglerDev({
    port,
    vars: {
      ENVIRONMENT: 'development',
      DEV_TOKEN: 'admin-console-e2e-dev-token',
      ...workerSettingsFor(idp),
      ADMIN_GROUPS: 'kb-admins',
      SPACES: JSON.stringify({ company: ['*'], sales: ['sales-team'], support: ['support-team'] }),
    },
    beforeStart(persistTo) {
      seedUsageFile(localD1File(persistTo), { endDay: today, days: 35, teammates: 40, payloads: true, seed: 11 });
    },
  });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  await idp?.stop();
});

async function signIn(page: Page, login: string): Promise<void> {
  await page.goto(`${worker.url}/admin/`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Email or user name').fill(login);
  await page.getByLabel('Password').fill(idp.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${worker.url}/admin/**`, { timeout: 20_000 });
}

/** The API as the console calls it, with the token the console holds. */
async function api<T>(page: Page, path: string, parse: (body: unknown) => T): Promise<T> {
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('beside-admin-token') ?? '{}').token);
  const response = await fetch(`${worker.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return parse(await response.json());
}

async function open(page: Page, id: string, heading: string): Promise<void> {
  await page.goto(`${worker.url}/admin/#/${id}`);
  await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
  await page.getByText('Loading…').waitFor({ state: 'detached' });
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: resolve(SCREENSHOTS, `admin-${name}-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const cellTexts = (page: Page, testId: string, column: number) =>
  page.locator(`[data-testid="${testId}"] tbody tr td:nth-child(${column})`).allInnerTexts();

describe('admin console', () => {
  it('lets an administrator sign in with the identity provider and shows every page with the API numbers', {
    timeout: 240_000,
  }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, 'morgan');
    await page.getByText('Signed in as Morgan Lee').waitFor();

    // Overview: the cards and the by-team table say what /v1/admin/overview says.
    await open(page, 'overview', 'Overview');
    const overview = await api(page, `/v1/admin/overview?to=${today}&days=28`, (body) => Overview.parse(body));
    expect(overview.weeklyActive).toBeGreaterThan(10);
    expect(await page.getByTestId('weekly-active').textContent()).toBe(formatCount(overview.weeklyActive));
    expect(await page.getByTestId('weekly-active-share').textContent()).toBe(formatShare(overview.weeklyActiveShare));
    expect(await page.getByTestId('questions').textContent()).toBe(formatCount(overview.totals.questions));
    expect(await page.getByTestId('thumbs-up-rate').textContent()).toBe(formatShare(overview.totals.thumbsUpRate));
    expect(await cellTexts(page, 'groups-table', 1)).toEqual(overview.groups.map((row) => row.group));
    expect(await cellTexts(page, 'groups-table', 2)).toEqual(
      overview.groups.map((row) => formatCount(row.weeklyActive)),
    );
    expect(await page.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(3);
    await screenshots(page, 'overview');

    await open(page, 'assistants', 'Assistants');
    const assistants = await api(page, `/v1/admin/assistants?to=${today}&days=28`, (body) =>
      AssistantsReport.parse(body),
    );
    expect(await cellTexts(page, 'assistants-table', 1)).toEqual(
      assistants.assistants.map((row) => row.assistant || '(none)'),
    );
    expect(await cellTexts(page, 'assistants-table', 2)).toEqual(
      assistants.assistants.map((row) => formatCount(row.requests)),
    );
    // The distinct people who used each assistant in the window, as the API counts them.
    expect(assistants.assistants.some((row) => row.people > 1)).toBe(true);
    expect(await cellTexts(page, 'assistants-table', 3)).toEqual(
      assistants.assistants.map((row) => formatCount(row.people)),
    );
    await page
      .getByText(assistants.assistants[0]?.topQuestions[0]?.question ?? '(no question)')
      .first()
      .waitFor();
    await screenshots(page, 'assistants');

    await open(page, 'knowledge', 'Knowledge');
    const knowledge = await api(page, `/v1/admin/knowledge?to=${today}&days=28`, (body) => KnowledgeReport.parse(body));
    expect(knowledge.gaps.clusters.length).toBeGreaterThan(0);
    expect(await cellTexts(page, 'gaps-table', 2)).toEqual(
      knowledge.gaps.clusters.map((row) => formatCount(row.count)),
    );
    await page.getByText(knowledge.gaps.clusters[0]?.hint ?? '(no hint)').waitFor();
    await screenshots(page, 'knowledge');

    await open(page, 'feedback', 'Feedback');
    await page.getByLabel('Reason').selectOption('not_grounded');
    await page.getByText('Loading…').waitFor({ state: 'detached' });
    const feedback = await api(page, '/v1/admin/feedback?limit=25&reason=not_grounded', (body) =>
      FeedbackList.parse(body),
    );
    expect(feedback.items.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('[data-testid="feedback-table"] tbody tr').count())
      .toBe(feedback.items.length);
    expect((await cellTexts(page, 'feedback-table', 2)).every((text) => text.includes('not grounded'))).toBe(true);
    await screenshots(page, 'feedback');

    await open(page, 'audit', 'Audit');
    const audit = await api(page, '/v1/admin/audit?limit=50', (body) => AuditPage.parse(body));
    expect(await page.locator('[data-testid="audit-table"] tbody tr').count()).toBe(audit.entries.length);
    // Morgan's sign-in is on the record, once (the reloads of every page since are not sign-ins).
    const signIns = audit.entries.filter((entry) => entry.action === 'admin.sign_in' && entry.actor === MORGAN);
    expect(signIns).toHaveLength(1);
    expect(signIns[0]?.details).toMatchObject({ via: 'identity-provider' });
    await page.locator('[data-testid="audit-table"] tbody tr', { hasText: 'admin.sign_in' }).first().waitFor();
    await screenshots(page, 'audit');

    await open(page, 'export', 'Usage export');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 27 * 86_400_000).toISOString().slice(0, 10);
    const direct = await fetch(`${worker.url}/v1/admin/usage.csv?from=${from}&to=${today}`, {
      headers: {
        Authorization: `Bearer ${await page.evaluate(() => JSON.parse(sessionStorage.getItem('beside-admin-token') ?? '{}').token)}`,
      },
    });
    expect(csv).toBe(await direct.text());
    expect(csv.split('\r\n').length - 2).toBe(overview.totals.requests);
    await page
      .getByRole('status')
      .getByText(/Downloaded/)
      .waitFor();
    await screenshots(page, 'export');
    await context.close();
  });

  it('renews the token before it expires and after a 401, instead of sending the administrator to sign in', {
    timeout: 120_000,
  }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'morgan');
    await page.getByText('Signed in as Morgan Lee').waitFor();
    const held = () =>
      page.evaluate(
        () =>
          JSON.parse(sessionStorage.getItem('beside-admin-token') ?? '{}') as {
            token?: string;
            expiresAt?: number;
            refreshToken?: string;
          },
      );
    const first = await held();
    expect(first.refreshToken).toBeTruthy();

    // About to expire: the next report is fetched with a renewed token.
    await page.evaluate(() => {
      const stored = JSON.parse(sessionStorage.getItem('beside-admin-token') ?? '{}');
      sessionStorage.setItem('beside-admin-token', JSON.stringify({ ...stored, expiresAt: Date.now() + 20_000 }));
    });
    await open(page, 'assistants', 'Assistants');
    await page.getByTestId('assistants-table').waitFor();
    const renewed = await held();
    expect(renewed.token).not.toBe(first.token);
    expect(renewed.expiresAt).toBeGreaterThan(Date.now() + 60_000);

    // Refused although not expired (revoked, keys rotated…): renewed once, and the page still shows its report.
    await page.evaluate(() => {
      const stored = JSON.parse(sessionStorage.getItem('beside-admin-token') ?? '{}');
      sessionStorage.setItem('beside-admin-token', JSON.stringify({ ...stored, token: 'not-a-token' }));
    });
    await page.reload();
    await page.getByText('Signed in as Morgan Lee').waitFor();
    await page.getByTestId('assistants-table').waitFor();
    expect((await held()).token).not.toBe('not-a-token');
    expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);

    // A reload is not a new sign-in; signing out and in again is.
    const token = (await held()).token;
    const signIns = async () =>
      (
        await (
          await fetch(`${worker.url}/v1/admin/audit?action=admin.sign_in&actor=${MORGAN}&limit=50`, {
            headers: { Authorization: `Bearer ${token}` },
          })
        ).json()
      ).entries.length as number;
    const before = await signIns();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'morgan');
    await page.getByText('Signed in as Morgan Lee').waitFor();
    expect(await signIns()).toBe(before + 1);
    await context.close();
  });

  it('refuses a signed-in person who is not an administrator, with a clear page', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, 'sam');
    await page.getByTestId('refused').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This console is for administrators');
    expect(await page.getByText('Weekly active share').count()).toBe(0);
    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('beside-admin-token') ?? '{}').token);
    const overview = await fetch(`${worker.url}/v1/admin/overview`, { headers: { Authorization: `Bearer ${token}` } });
    expect(overview.status).toBe(403);
    await screenshots(page, 'refused');
    await context.close();
  });
});
