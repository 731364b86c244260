import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, e2eConfig, launchBrowser, takeSuggestedAssistant, upstreamRequests } from './harness';

const OPPORTUNITY_AT = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZabAAF/view';

interface RecordedCall {
  tool: string;
  arguments: Record<string, unknown>;
}

/** What the CRM's MCP server really ran for this account. */
async function crmCallsFor(account: string): Promise<RecordedCall[]> {
  const calls = (await (await fetch(`${e2eConfig().mcpUrl}/__calls`)).json()) as RecordedCall[];
  return calls.filter((entry) => entry.arguments.account === account);
}

async function askToMove(panel: Page, account: string) {
  const args = JSON.stringify({ account, stage: 'Closed Won' });
  const input = panel.getByLabel('Your question');
  await input.fill(`[[tool: mcp__crm__update_stage ${args}]] Move ${account} to Closed Won`);
  await input.press('Enter');
}

const lastAnswer = (panel: Page) => panel.locator('article[data-role="assistant"]').last();

describe('a tool that writes waits for Approve in the panel', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function panelOnOpportunity(theme: 'light' | 'dark') {
    await browser.openFixture('salesforce-lightning--opportunity.html', { at: OPPORTUNITY_AT });
    const panel = await browser.openPanel({ theme });
    await expect
      .poll(() => panel.getByTestId('capture-chip').textContent(), { timeout: 15_000 })
      .toContain('Opportunity');
    // The CRM tools belong to the Sales assistant: take the panel's suggestion for the opportunity (one click).
    await takeSuggestedAssistant(panel, 'Sales', 'Use Sales for this page');
    return panel;
  }

  it('shows the tool and its arguments, runs nothing before Approve, then exactly one call with those arguments', async () => {
    const panel = await panelOnOpportunity('light');
    const account = `Acme ${crypto.randomUUID().slice(0, 8)}`;
    await askToMove(panel, account);

    const card = panel.getByTestId('approval-card');
    await expect.poll(() => card.getAttribute('data-state'), { timeout: 20_000 }).toBe('approval-requested');
    const shown = (await card.textContent()) ?? '';
    expect(shown).toContain('Update stage');
    expect(shown).toContain('crm');
    expect(shown).toContain(account);
    expect(shown).toContain('Closed Won');
    // Fits the panel: nothing scrolls sideways.
    expect(await card.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
    await browser.screenshot(panel, 'tool-approval-card-light');
    // Waiting for the person: the CRM has not been touched.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await crmCallsFor(account)).toEqual([]);

    // Keyboard: focus Approve and press Enter.
    await card.getByRole('button', { name: 'Approve' }).focus();
    await panel.keyboard.press('Enter');
    await expect
      .poll(() => lastAnswer(panel).textContent(), { timeout: 20_000 })
      .toContain(`Stage of ${account} is now Closed Won.`);
    await expect.poll(() => card.getAttribute('data-state')).toBe('output-available');
    expect(await crmCallsFor(account)).toEqual([
      expect.objectContaining({ tool: 'update_stage', arguments: { account, stage: 'Closed Won' } }),
    ]);
    await browser.screenshot(panel, 'tool-approval-done-light');
  });

  it('Deny: zero calls, and the model is told', async () => {
    const panel = await panelOnOpportunity('dark');
    const account = `Globex ${crypto.randomUUID().slice(0, 8)}`;
    await askToMove(panel, account);
    const card = panel.getByTestId('approval-card');
    await expect.poll(() => card.getAttribute('data-state'), { timeout: 20_000 }).toBe('approval-requested');
    await browser.screenshot(panel, 'tool-approval-card-dark');
    await card.getByRole('button', { name: 'Deny' }).click();

    await expect.poll(() => card.getAttribute('data-state'), { timeout: 20_000 }).toBe('output-denied');
    await expect.poll(() => lastAnswer(panel).textContent(), { timeout: 20_000 }).toMatch(/denied/i);
    expect(await crmCallsFor(account)).toEqual([]);
    const toModel = (await upstreamRequests()).filter((request) => JSON.stringify(request.body).includes(account));
    const body = toModel.at(-1)?.body as { messages?: { role: string; content: unknown }[] } | undefined;
    const lastMessage = body?.messages?.at(-1);
    expect(lastMessage?.role).toBe('tool');
    expect(JSON.stringify(lastMessage?.content)).toMatch(/denied/i);
  });
});
