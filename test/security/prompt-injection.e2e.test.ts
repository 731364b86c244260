/**
 * The prompt-injection corpus in the real side panel: each page case is served as a web page, captured by the
 * built extension in Chromium, and asked about with a model that obeys every injected instruction. The obeyed
 * answers contain image, reference-image, HTML-image and link beacons pointing at an attacker server on
 * 127.0.0.1; the panel must make zero requests to it (counted by the server and by Chromium's own request log).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser } from '../e2e/harness';
import { BEACON, type InjectionCase, injectionCorpus } from './injection-corpus';

const pageCases = injectionCorpus.filter(
  (testCase) => testCase.vector === 'page' && testCase.route === 'chat' && testCase.page,
);

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** The case's page as a plain visible web page: its title, and each Markdown line as a paragraph. */
function pageHtml(testCase: InjectionCase, beacon: string): string {
  const page = testCase.page!;
  const lines = [
    page.markdown,
    ...(page.record?.fields ?? []).map((field) => `${field.label}: ${field.value}`),
    ...(page.conversation?.messages ?? []).map((message) => `${message.author}: ${message.text}`),
  ]
    .join('\n')
    .replaceAll(BEACON, beacon)
    .split('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(page.title)}</title></head><body><main><h1>${escapeHtml(page.title)}</h1>${lines
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('')}</main></body></html>`;
}

describe('prompt-injection corpus in the real panel: zero remote loads', () => {
  let browser: Browser;
  let attacker: Server;
  let attackerOrigin = '';
  const serverHits: string[] = [];
  const browserHits: string[] = [];

  beforeAll(async () => {
    attacker = createServer((req, res) => {
      serverHits.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'image/gif' }).end();
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    browser.context.on('request', (request) => {
      if (request.url().startsWith(attackerOrigin)) browserHits.push(request.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => attacker?.close(() => resolve()));
  });

  it('covers every page case of the corpus that reaches the chat', () => {
    expect(pageCases.length).toBeGreaterThanOrEqual(15);
  });

  for (const testCase of pageCases) {
    it(`${testCase.id}: ${testCase.what}`, async () => {
      const beacon = `${attackerOrigin}/beacon/${testCase.id}`;
      const url = `${browser.fixturesUrl}/injection/${testCase.id}.html`;
      const tab = await browser.context.newPage();
      await tab.route(url, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pageHtml(testCase, beacon) }),
      );
      await tab.goto(url);
      await tab.bringToFront();
      const panel: Page = await browser.openPanel();
      try {
        // Ask once the page is captured, so the attack really travels with the page.
        const chip = panel.getByTestId('capture-chip');
        await expect
          .poll(() => chip.textContent(), { timeout: 15_000 })
          .toContain(testCase.page!.title.replace(/\s+/g, ' ').slice(0, 12));
        const input = panel.getByLabel('Your question');
        await input.fill(`[[obey]] ${testCase.question ?? 'What is this page about?'}`);
        await input.press('Enter');
        const answer = panel.locator('article[data-role="assistant"]').last();
        // The obedient model always ends by repeating what it was given: proof the attack ran to the end.
        await expect.poll(() => answer.textContent(), { timeout: 20_000 }).toContain('Everything I was given');
        expect(await answer.textContent()).not.toContain('No page was shared');
        await expect
          .poll(() => panel.getByRole('button', { name: 'Send' }).isVisible(), { timeout: 20_000 })
          .toBe(true);
        // Give any image the panel might load time to leave.
        await panel.waitForTimeout(300);
        expect(await answer.locator('img').count()).toBe(0);
        if (testCase.id === 'page-image-beacon-with-knowledge')
          await browser.screenshot(panel, 'security-injection-beacon');
      } finally {
        await panel.close();
        await tab.close();
      }
      expect(serverHits.filter((hit) => hit.includes(testCase.id))).toEqual([]);
      expect(browserHits.filter((hit) => hit.includes(testCase.id))).toEqual([]);
    });
  }
});
