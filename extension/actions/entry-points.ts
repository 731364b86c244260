import { builtInQuickActions, type PublicQuickAction } from '../../shared/built-in-quick-actions';
import type { MenuContext } from './types';
import { actionWords } from './words';

/**
 * The context menu and the keyboard commands, derived from the built-in quick actions (shared/built-in-quick-actions.ts,
 * the list the worker's built-in assistants serve). Chrome needs both before any server is asked — commands are in the
 * manifest, menus are made when the extension starts — so they come from the built-in list, not from the catalog.
 * Pure data so that wxt.config.ts (the manifest), the background script and the wiring test all read the same thing.
 */

export interface MenuItem {
  id: string;
  title: string;
  contexts: [MenuContext, ...MenuContext[]];
}

type BuiltIn = (typeof builtInQuickActions)[number];

export function contextMenuItems(actions: readonly BuiltIn[] = builtInQuickActions): MenuItem[] {
  const items: MenuItem[] = [];
  for (const action of actions as readonly PublicQuickAction[]) {
    if (!action.menu || action.menu.length === 0) continue;
    const words = actionWords[action.id as BuiltIn['id']];
    items.push({ id: action.id, title: words.label(), contexts: [...action.menu] as MenuItem['contexts'] });
  }
  return items;
}

export interface ManifestCommand {
  description: string;
  suggested_key?: { default: string; mac: string };
}

/**
 * One browser command per built-in action with a shortcut. Chrome accepts at most four suggested keys per extension
 * including Alt+B for the panel; the others are commands the person can assign a key to.
 */
export function manifestCommands(actions: readonly BuiltIn[] = builtInQuickActions): Record<string, ManifestCommand> {
  const commands: Record<string, ManifestCommand> = {};
  for (const action of actions as readonly PublicQuickAction[]) {
    if (!action.shortcut) continue;
    const description = actionWords[action.id as BuiltIn['id']].command;
    const { key } = action.shortcut;
    commands[action.id] = key ? { description, suggested_key: { default: key, mac: key } } : { description };
  }
  return commands;
}
