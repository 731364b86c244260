import { actionSpecs } from '../../shared/actions';
import type { ExtensionAction } from './types';

/** On a ticket: a reply grounded in help-center knowledge, shown in the draft view with its sources. */
export const ticketReply: ExtensionAction = {
  ...actionSpecs['ticket-reply'],
  icon: '↩',
  // A command without a suggested key: the person can assign one (Chrome caps suggested keys at four).
  shortcut: { description: 'Draft a reply to this ticket' },
  request: () => 'Draft a reply to the customer',
};
