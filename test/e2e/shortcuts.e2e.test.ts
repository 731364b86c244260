import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser } from './harness';

/**
 * Shortcuts that exist: Chrome assigns suggested keys to at most four commands. Beside tells the person only the keys
 * `chrome.commands.getAll()` reports — in the options page (every command, its key or "Not set", and the way to
 * chrome://extensions/shortcuts) and in the panel's buttons — never a suggested key Chrome did not assign.
 */
const OPPORTUNITY_AT = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZabAAF/view';

type Command = { name: string; shortcut: string; description: string };

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

async function commands(current: Browser): Promise<Command[]> {
  return current.serviceWorker.evaluate(async () =>
    (await chrome.commands.getAll()).map((command) => ({
      name: command.name ?? '',
      shortcut: command.shortcut ?? '',
      description: command.description ?? '',
    })),
  );
}

/** What the person does in chrome://extensions/shortcuts, through the page's own API. */
async function setKey(current: Browser, commandName: string, keybinding: string) {
  const settings = await current.context.newPage();
  await settings.goto('chrome://extensions/shortcuts');
  await settings.evaluate(
    (update) =>
      (
        chrome as unknown as {
          developerPrivate: { updateExtensionCommand(update: Record<string, string>): Promise<void> };
        }
      ).developerPrivate.updateExtensionCommand(update),
    { extensionId: current.extensionId, commandName, keybinding },
  );
  await settings.close();
}

async function openOptions(current: Browser, theme: 'light' | 'dark' = 'light'): Promise<Page> {
  const options = await current.context.newPage();
  await options.setViewportSize({ width: 360, height: 900 });
  await options.emulateMedia({ colorScheme: theme });
  await options.goto(`chrome-extension://${current.extensionId}/options.html`);
  return options;
}

/** The options page's rows: the command's name and the key shown for it. */
async function shownShortcuts(options: Page): Promise<Record<string, string>> {
  const rows = options.getByTestId('shortcut-settings').locator('tr[data-command]');
  await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(0);
  const shown: Record<string, string> = {};
  for (const row of await rows.all()) {
    shown[(await row.getAttribute('data-command')) ?? ''] = ((await row.locator('td').textContent()) ?? '').trim();
  }
  return shown;
}

describe('shortcuts that exist', () => {
  it('Chrome assigns the four suggested keys; options lists every command with its key or "Not set", and opens Chrome’s shortcuts page', async () => {
    const current = await launchBrowser();
    browser = current;
    const all = await commands(current);
    const assigned = all.filter((command) => command.shortcut);
    // The four the manifest suggests, all assigned: none was dropped for going over Chrome's limit.
    const manifestSuggested = await current.serviceWorker.evaluate(() =>
      Object.entries(
        (chrome.runtime.getManifest() as { commands?: Record<string, { suggested_key?: unknown }> }).commands ?? {},
      )
        .filter(([, command]) => command.suggested_key)
        .map(([name]) => name)
        .sort(),
    );
    expect(manifestSuggested.length).toBeLessThanOrEqual(4);
    expect(assigned.map((command) => command.name).sort()).toEqual(manifestSuggested);
    expect(assigned.find((command) => command.name === '_execute_action')?.shortcut).toBe('Alt+B');
    const unassigned = all.filter((command) => !command.shortcut);
    expect(unassigned.length, 'at least one command is left for the person to assign').toBeGreaterThan(0);

    for (const theme of ['light', 'dark'] as const) {
      const options = await openOptions(current, theme);
      const shown = await shownShortcuts(options);
      expect(Object.keys(shown).sort()).toEqual(all.map((command) => command.name).sort());
      for (const command of all) expect(shown[command.name], command.name).toBe(command.shortcut || 'Not set');
      await options.getByTestId('shortcut-settings').scrollIntoViewIfNeeded();
      await current.screenshot(options, `shortcuts-options-${theme}`);
      if (theme === 'dark') {
        const opened = current.context.waitForEvent('page');
        await options.getByRole('button', { name: 'Change shortcuts' }).click();
        expect((await opened).url()).toBe('chrome://extensions/shortcuts');
      }
      await options.close();
    }
  });

  it('the panel and options follow the keys Chrome really has: a cleared key is never advertised, a changed one is shown', async () => {
    const current = await launchBrowser();
    browser = current;
    const suggested = (await commands(current)).find((command) => command.name === 'summarize-page')?.shortcut;
    expect(suggested, 'summarize-page starts with its suggested key').toBeTruthy();
    await setKey(current, 'summarize-page', '');
    await setKey(current, 'follow-up-email', 'Alt+Shift+F');
    const now = Object.fromEntries((await commands(current)).map((command) => [command.name, command.shortcut]));
    expect(now['summarize-page']).toBe('');
    expect(now['follow-up-email']).toBe('Alt+Shift+F');

    await current.openFixture('salesforce-lightning--opportunity.html', { at: OPPORTUNITY_AT });
    const panel = await current.openPanel();
    const summarize = panel.getByRole('button', { name: 'Summarize page' });
    const followUp = panel.getByRole('button', { name: 'Draft follow-up email' });
    await expect
      .poll(() => followUp.getAttribute('title'), { timeout: 15_000 })
      .toBe('Draft follow-up email (Alt+Shift+F)');
    expect(await summarize.getAttribute('title')).toBe('Summarize page');
    // The cleared key does nothing in the panel either: no summary is asked for.
    await panel.keyboard.press(suggested!);
    await panel.waitForTimeout(1_000);
    // (The empty panel's starters may read "Summarize this page": count conversation turns, not words.)
    expect(await panel.locator('article[data-role="user"], article[data-role="assistant"]').count()).toBe(0);

    const options = await openOptions(current);
    const shown = await shownShortcuts(options);
    expect(shown['summarize-page']).toBe('Not set');
    expect(shown['follow-up-email']).toBe('Alt+Shift+F');
    await options.getByTestId('shortcut-settings').scrollIntoViewIfNeeded();
    await current.screenshot(options, 'shortcuts-options-changed');
  });
});
