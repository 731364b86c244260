import type { QuickActionSpecInput } from './assistants';
import type { PageKind } from './page-context';

/**
 * The public half of every built-in quick action — id, label, icon, page kinds, output, what it needs, where it
 * appears (context menu, browser command) — in the order the panel shows them. The one list of built-in tasks: each
 * file under worker/actions/ adds its task (the instructions, which stay on the server) to its entry here; the
 * extension builds its context menu and manifest commands from it, since both must exist before any server is asked.
 * The panel's buttons come from the server's catalog (`GET /v1/assistants`), which serves these same entries.
 */

const everyKind: PageKind[] = ['record', 'ticket', 'thread', 'article', 'document', 'generic'];

export type PublicQuickAction = Omit<QuickActionSpecInput, 'task'>;

export const builtInQuickActions = [
  {
    id: 'follow-up-email',
    label: 'Draft follow-up email',
    icon: '✉',
    // `generic`: meeting notes and call transcripts usually live in pages no site extractor recognises.
    kinds: ['record', 'ticket', 'thread', 'document', 'generic'],
    output: 'email',
    grounded: true,
    customerFacing: true,
    request: 'Draft the follow-up email',
    shortcut: { key: 'Alt+Shift+E', description: 'Draft a follow-up email' },
  },
  {
    id: 'ticket-reply',
    label: 'Draft ticket reply',
    icon: '↩',
    kinds: ['ticket'],
    output: 'reply',
    grounded: true,
    customerFacing: true,
    request: 'Draft a reply to the customer',
    // A command without a suggested key: the person can assign one (Chrome caps suggested keys at four).
    shortcut: { description: 'Draft a reply to this ticket' },
  },
  {
    id: 'account-brief',
    label: 'Account brief',
    icon: '◎',
    kinds: ['record'],
    output: 'markdown',
    grounded: true,
    request: 'Brief me on this account',
    shortcut: { description: 'Brief me on this account' },
  },
  {
    id: 'meeting-to-crm',
    label: 'Notes → CRM update',
    icon: '⇄',
    kinds: ['document', 'generic', 'thread'],
    output: 'markdown',
    request: 'Turn these meeting notes into CRM updates',
    shortcut: { description: 'Turn meeting notes into CRM updates' },
  },
  {
    id: 'summarize-page',
    label: 'Summarize page',
    icon: '≡',
    kinds: everyKind,
    output: 'summary',
    request: 'Summarize this page',
    // Not Alt+Shift+P: Chrome keeps that key for itself and leaves the command without one (chrome.commands.getAll()).
    shortcut: { key: 'Alt+Shift+U', description: 'Summarize this page' },
  },
  {
    id: 'summarize-selection',
    label: 'Summarize selection',
    icon: '✂',
    kinds: everyKind,
    output: 'summary',
    needsSelection: true,
    // Never the page title in `request`: the user turn is outside every delimited block, so page text must not reach it.
    request: 'Summarize the selected text',
    menu: ['selection'],
    shortcut: { key: 'Alt+Shift+S', description: 'Summarize the selected text' },
  },
  {
    id: 'improve-writing',
    label: 'Improve writing',
    icon: '✐',
    kinds: everyKind,
    output: 'markdown',
    needsSelection: true,
    request: 'Improve the selected text',
    shortcut: { description: 'Improve the selected text' },
  },
] as const satisfies readonly PublicQuickAction[];

export type BuiltInQuickActionId = (typeof builtInQuickActions)[number]['id'];
export type BuiltInQuickAction = (typeof builtInQuickActions)[number];

/** The public half of one built-in quick action, for its worker file to add the task to. */
export function builtInQuickAction<Id extends BuiltInQuickActionId>(id: Id): Extract<BuiltInQuickAction, { id: Id }> {
  const found = builtInQuickActions.find((action) => action.id === id);
  if (!found) throw new Error(`No built-in quick action "${id}".`);
  return found as Extract<BuiltInQuickAction, { id: Id }>;
}
