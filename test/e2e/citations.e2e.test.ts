import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser } from './harness';

/**
 * Citations read as prose: `[P]` and `[1]` are inline badges on the line of the words around them, their passage
 * opens in a popover (mouse or keyboard, also while the answer still streams), source cards render Markdown
 * without repeating the title, and only cited passages are listed as sources.
 */
const OPPORTUNITY_AT = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZabAAF/view';

async function ask(panel: Page, question: string) {
  const input = panel.getByLabel('Your question');
  await input.fill(question);
  await input.press('Enter');
}

/** Vertical centres of the badge and of the characters just before and after it, in the same paragraph. */
async function lineOf(panel: Page, label: string) {
  return panel.evaluate((wanted) => {
    const badge = [...document.querySelectorAll<HTMLElement>('[data-testid="citation"]')].find(
      (element) => element.textContent === wanted,
    );
    if (!badge) throw new Error(`no badge ${wanted}`);
    const centre = (rect: DOMRect) => rect.top + rect.height / 2;
    const charRect = (node: Node | null, fromEnd: boolean) => {
      if (!node || node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) return undefined;
      const text = node.textContent;
      const index = fromEnd ? text.trimEnd().length - 1 : text.length - text.trimStart().length;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + 1);
      return range.getBoundingClientRect();
    };
    const before = charRect(badge.previousSibling, true);
    const after = charRect(badge.nextSibling, false);
    const own = badge.getBoundingClientRect();
    return {
      badge: centre(own),
      before: before ? centre(before) : undefined,
      after: after ? centre(after) : undefined,
      height: own.height,
      display: getComputedStyle(badge).display,
    };
  }, label);
}

describe('citations in running text', () => {
  let browser: Browser;
  const run = crypto.randomUUID().slice(0, 8);
  const keyword = `zephyrquux${run}`;
  const article = {
    id: `e2e/citations-${run}`,
    title: `Zephyr pricing FAQ ${run}`,
    space: 'company',
    url: 'https://help.example.com/zephyr-pricing',
    markdown: `# Zephyr pricing FAQ ${run}\n\n## Multi-year discounts\n\n**Two-year** ${keyword} deals get _10%_ off the list price; three-year deals get 15%.`,
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    const seeded = await fetch(`${browser.workerUrl}/v1/documents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${browser.devToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(article),
    });
    expect(seeded.status).toBeLessThan(300);
  });
  afterAll(async () => {
    await fetch(`${browser.workerUrl}/v1/documents/${encodeURIComponent(article.id)}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${browser.devToken}` },
    }).catch(() => {});
    await browser?.close();
  });

  it('badges sit on the line of their sentence; the passage opens while streaming and by keyboard', async () => {
    await browser.openFixture('salesforce-lightning--opportunity.html', { at: OPPORTUNITY_AT });
    const panel = await browser.openPanel({ theme: 'light' });
    await expect.poll(() => panel.getByTestId('capture-chip').textContent(), { timeout: 15_000 }).toContain('Acme');

    const reply =
      'The renewal is in negotiation [P], owned by the account executive, and two-year deals get 10% off [1], ' +
      'which is worth proposing before the quarter closes.';
    await ask(panel, `[[chunk-delay: 120]] [[reply: ${reply}]] What discount can I offer for ${keyword}?`);

    // While the answer is still streaming: the page badge opens its passage, and it stays open as text arrives.
    const pageBadge = panel.getByTestId('citation').filter({ hasText: /^P$/ });
    await pageBadge.waitFor({ timeout: 15_000 });
    expect(await panel.getByRole('button', { name: 'Stop' }).isVisible()).toBe(true);
    await pageBadge.click();
    const openPopover = panel.locator('[data-testid="citation-popover"]:popover-open');
    await expect.poll(() => openPopover.count()).toBe(1);
    expect(await openPopover.textContent()).toContain('this page');
    await expect.poll(() => panel.getByRole('button', { name: 'Send' }).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await openPopover.count()).toBe(1);
    await browser.screenshot(panel, 'citations-popover-light');
    await panel.keyboard.press('Escape');
    await expect.poll(() => openPopover.count()).toBe(0);

    // Inline: each badge's vertical centre matches the characters right before and after it.
    for (const label of ['P', '1']) {
      const line = await lineOf(panel, label);
      expect(line.display).not.toBe('block');
      expect(line.before).toBeDefined();
      expect(line.after).toBeDefined();
      expect(Math.abs((line.before as number) - line.badge)).toBeLessThan(line.height / 2);
      expect(Math.abs((line.after as number) - line.badge)).toBeLessThan(line.height / 2);
    }

    // Keyboard: the badge takes focus, Enter opens the passage, Escape closes it and focus stays on the badge.
    const knowledgeBadge = panel.getByTestId('citation').filter({ hasText: /^1$/ });
    await knowledgeBadge.focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => openPopover.count()).toBe(1);
    const card = openPopover.locator('.source-card');
    // Markdown rendered (no raw ** or _), and the heading path does not repeat the title.
    expect(await card.locator('strong').first().textContent()).toBe('Two-year');
    expect(await card.textContent()).not.toContain('**');
    expect(await card.locator('.source-card__title').textContent()).toBe(`${article.title} › Multi-year discounts`);
    await panel.keyboard.press('Escape');
    await expect.poll(() => openPopover.count()).toBe(0);
    expect(await knowledgeBadge.evaluate((element) => element === document.activeElement)).toBe(true);

    // Sources lists exactly what the text cites; anything else searched stays folded.
    const listed = await panel.locator('ol.sources > li .citation__marker').allTextContents();
    expect(listed).toEqual(['P', '1']);
    const searched = panel.getByTestId('also-searched');
    if ((await searched.count()) > 0) {
      expect(await searched.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    }
    await browser.screenshot(panel, 'citations-inline-light');
    await panel.close();
  });
});
