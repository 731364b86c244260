import type { PageContext } from '../../shared/page-context';
import { followUpEmail } from './follow-up-email';
import { summarizePage } from './summarize-page';
import { summarizeSelection } from './summarize-selection';
import { ticketReply } from './ticket-reply';
import type { ExtensionAction } from './types';

/**
 * Every quick action of the extension, in the order the panel shows them. The panel's buttons, the context
 * menu and the keyboard commands are all derived from this list (entry-points.ts), so there is no second list.
 */
export const extensionActions: readonly ExtensionAction[] = [
  followUpEmail,
  ticketReply,
  summarizePage,
  summarizeSelection,
];

export function findAction(id: string): ExtensionAction | undefined {
  return extensionActions.find((action) => action.id === id);
}

/** The actions that fit the page: its kind is one they are made for, and it has what they need. */
export function actionsFor(page: PageContext | undefined): ExtensionAction[] {
  if (!page) return [];
  return extensionActions.filter(
    (action) => action.kinds.includes(page.kind) && (!action.needsSelection || !!page.selection),
  );
}
