import { actionSpecs } from '../../shared/actions';
import { t } from '../lib/i18n';
import type { ExtensionAction } from './types';

/** On a ticket: a reply grounded in help-center knowledge, shown in the draft view with its sources. */
export const ticketReply: ExtensionAction = {
  ...actionSpecs['ticket-reply'],
  icon: '↩',
  // A command without a suggested key: the person can assign one (Chrome caps suggested keys at four).
  shortcut: { description: '__MSG_actions_ticketReply_command__' },
  get label() {
    return t('actions.ticketReply.label');
  },
  request: () => t('actions.ticketReply.request'),
};
