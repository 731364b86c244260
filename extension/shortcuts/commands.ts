import { browser } from 'wxt/browser';

/** A browser command as Chrome reports it now: `shortcut` is '' when no key is assigned (never the suggested one). */
export interface BrowserCommand {
  name: string;
  description: string;
  shortcut: string;
}

/** Opening the panel: Chrome's built-in command for the toolbar button. */
export const OPEN_PANEL_COMMAND = '_execute_action';

/**
 * Every command of the extension with the key the browser really assigned. Chrome gives suggested keys to at most four
 * commands and drops one that another extension already uses, and the person can change any of them, so what the
 * manifest suggests is never what Beside tells the person: only this is.
 */
export async function browserCommands(): Promise<BrowserCommand[]> {
  const commands = (await browser.commands?.getAll()) ?? [];
  return commands
    .filter((command) => command.name)
    .map((command) => ({
      name: command.name!,
      description: command.description ?? '',
      shortcut: command.shortcut ?? '',
    }))
    .sort((a, b) => Number(b.name === OPEN_PANEL_COMMAND) - Number(a.name === OPEN_PANEL_COMMAND));
}

/** The assigned keys by command name; a command without a key is absent. */
export function assignedKeys(commands: readonly BrowserCommand[]): ReadonlyMap<string, string> {
  return new Map(commands.filter((command) => command.shortcut).map((command) => [command.name, command.shortcut]));
}

/**
 * Where the person sets keys: Chrome's shortcuts page (an extension page may open it with tabs.create), or Firefox's
 * own dialog where it exists.
 */
export async function openShortcutSettings(): Promise<void> {
  const firefox = (browser.commands as unknown as { openShortcutSettings?: () => Promise<void> }).openShortcutSettings;
  if (firefox) return firefox();
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
