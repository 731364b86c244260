import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, upstreamRequests } from './harness';

const MARKER = 'E2E-PAGE-41c9';

async function ask(panel: Page, question: string) {
  const input = panel.getByLabel('Your question');
  await input.fill(question);
  await input.press('Enter');
}

const lastAnswer = (panel: Page) => panel.locator('article[data-role="assistant"]').last();

describe('side-panel chat beside a page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('captures the page, streams a grounded answer, and sends the page text to the model', async () => {
    await browser.openFixture('acme-opportunity.html');
    const panel = await browser.openPanel({ theme: 'light' });

    const chip = panel.getByTestId('capture-chip');
    await expect.poll(() => chip.textContent(), { timeout: 15_000 }).toContain('Acme');
    await chip.getByRole('button', { name: /Acme/ }).click();
    await expect.poll(() => panel.getByTestId('capture-preview').textContent()).toContain(MARKER);

    await ask(panel, '[[echo-system]] What is the next step on this deal?');
    await expect.poll(() => lastAnswer(panel).textContent(), { timeout: 15_000 }).toContain(MARKER);
    // The echoed instructions are long: the stream goes on well after the page marker has arrived.
    await expect.poll(() => panel.getByRole('button', { name: 'Send' }).isVisible(), { timeout: 30_000 }).toBe(true);
    await browser.screenshot(panel, 'chat-answer-light');

    const requests = await upstreamRequests();
    const fromPanel = requests.filter((request) =>
      JSON.stringify(request.body).includes('What is the next step on this deal?'),
    );
    expect(fromPanel.length).toBeGreaterThan(0);
    expect(JSON.stringify(fromPanel.at(-1)?.body)).toContain(MARKER);
  });

  it('renders Markdown safely in the dark theme: links open in new tabs, raw HTML stays text', async () => {
    await browser.openFixture('acme-opportunity.html');
    const panel = await browser.openPanel({ theme: 'dark' });
    await ask(panel, '[[markdown]] show me formatting');
    const answer = lastAnswer(panel);
    await expect.poll(() => answer.locator('table').count(), { timeout: 15_000 }).toBe(1);
    const link = answer.locator('a[href="https://example.com"]');
    await expect.poll(() => link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await answer.locator('img').count()).toBe(0);
    const background = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(22, 24, 28)');
    await browser.screenshot(panel, 'chat-markdown-dark');
  });

  it('keeps a conversation going after an answer that searched knowledge, sending earlier answers as text only', async () => {
    await browser.openFixture('acme-opportunity.html');
    const panel = await browser.openPanel();
    const run = crypto.randomUUID().slice(0, 8);
    await ask(panel, `[[reply: The renewal is due in March ${run}.]] When is the renewal?`);
    await expect.poll(() => lastAnswer(panel).textContent(), { timeout: 15_000 }).toContain(`March ${run}`);
    await expect.poll(() => panel.getByRole('button', { name: 'Send' }).isVisible()).toBe(true);

    await ask(panel, '[[tool: search_knowledge {"query":"pricing"}]] What about pricing?');
    await expect.poll(() => lastAnswer(panel).textContent(), { timeout: 15_000 }).toContain('Tool said:');
    await expect.poll(() => panel.getByRole('button', { name: 'Send' }).isVisible()).toBe(true);

    await ask(panel, `[[reply: Noted ${run}.]] Thanks, shorter please`);
    await expect.poll(() => lastAnswer(panel).textContent(), { timeout: 15_000 }).toContain(`Noted ${run}.`);
    expect(await panel.getByTestId('error').count()).toBe(0);

    // The third turn's model request: the earlier answers as assistant text, and no tool result the panel
    // sent back (the worker refuses those: tool results come from the server, never from a request body).
    const third = (await upstreamRequests()).filter(
      (request) => request.path === '/v1/chat/completions' && JSON.stringify(request.body).includes(`Noted ${run}`),
    );
    const body = third.at(-1)?.body as { messages?: { role: string; content: unknown }[] } | undefined;
    const messages = body?.messages ?? [];
    expect(messages.length).toBeGreaterThan(0);
    expect(JSON.stringify(messages.filter((message) => message.role === 'assistant'))).toContain(`March ${run}`);
    expect(JSON.stringify(messages.filter((message) => message.role === 'assistant'))).toContain('Tool said:');
    expect(messages.filter((message) => message.role === 'tool')).toHaveLength(0);
  });

  it('explains an upstream failure in plain words and offers a retry', async () => {
    await browser.openFixture('acme-opportunity.html');
    const panel = await browser.openPanel();
    await ask(panel, '[[status: 503]] hello');
    const error = panel.getByTestId('error');
    await expect.poll(() => error.getAttribute('data-code'), { timeout: 20_000 }).toBe('upstream_error');
    expect(await error.textContent()).toContain('couldn’t answer');
    expect(await error.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
    await browser.screenshot(panel, 'chat-upstream-error');
  });

  it('tells the person when the Beside server cannot be reached', async () => {
    await browser.configure({ workerUrl: 'http://127.0.0.1:9' });
    try {
      await browser.openFixture('acme-opportunity.html');
      const panel = await browser.openPanel();
      await ask(panel, 'hello');
      const error = panel.getByTestId('error');
      await expect.poll(() => error.getAttribute('data-code'), { timeout: 15_000 }).toBe('network');
      expect(await error.textContent()).toContain('http://127.0.0.1:9');
    } finally {
      await browser.configure({ workerUrl: browser.workerUrl });
    }
  });
});

describe('signed out', () => {
  it('tells the person to sign in', async () => {
    const browser = await launchBrowser({ signedIn: false });
    try {
      await browser.openFixture('acme-opportunity.html');
      const panel = await browser.openPanel();
      await ask(panel, 'hello');
      const error = panel.getByTestId('error');
      await expect.poll(() => error.getAttribute('data-code'), { timeout: 15_000 }).toBe('unauthorized');
      expect(await error.textContent()).toContain('Please sign in');
      expect(await error.getByRole('button', { name: 'Open Settings' }).isVisible()).toBe(true);
      await browser.screenshot(panel, 'chat-signed-out');
    } finally {
      await browser.close();
    }
  });
});

describe('the real side panel', () => {
  it('opens beside the page it reads and answers there', async () => {
    const browser = await launchBrowser();
    try {
      const tab = await browser.openFixture('acme-opportunity.html');
      const panel = await browser.openRealSidePanel(tab);
      const chip = panel.getByTestId('capture-chip');
      await expect.poll(() => chip.textContent(), { timeout: 15_000 }).toContain('Acme');
      await ask(panel, '[[reply: The next step is the revised order form.]] Next step?');
      await expect.poll(() => lastAnswer(panel).textContent(), { timeout: 15_000 }).toContain('revised order form');
      await browser.screenshot(panel, 'real-side-panel');
    } finally {
      await browser.close();
    }
  });
});
