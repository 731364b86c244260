import { extensionActions } from './registry';
import type { ExtensionAction, MenuContext } from './types';

/**
 * The context menu and the keyboard commands, derived from the registry. Pure data so that wxt.config.ts (the
 * manifest), the background script and the wiring test all read the same thing.
 */

export interface MenuItem {
  id: string;
  title: string;
  contexts: [MenuContext, ...MenuContext[]];
}

export function contextMenuItems(actions: readonly ExtensionAction[] = extensionActions): MenuItem[] {
  return actions
    .filter((action) => action.menu && action.menu.length > 0)
    .map((action) => ({ id: action.id, title: action.label, contexts: [...action.menu!] as MenuItem['contexts'] }));
}

export interface ManifestCommand {
  description: string;
  suggested_key?: { default: string; mac: string };
}

export function manifestCommands(
  actions: readonly ExtensionAction[] = extensionActions,
): Record<string, ManifestCommand> {
  const commands: Record<string, ManifestCommand> = {};
  for (const action of actions) {
    if (!action.shortcut) continue;
    const { key, description } = action.shortcut;
    commands[action.id] = key ? { description, suggested_key: { default: key, mac: key } } : { description };
  }
  return commands;
}
