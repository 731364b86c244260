import { actionSpecs } from '../../shared/actions';
import { t } from '../lib/i18n';
import type { ExtensionAction } from './types';

/** One click → a follow-up email in the draft view (subject + body, tone, delivery). */
export const followUpEmail: ExtensionAction = {
  ...actionSpecs['follow-up-email'],
  icon: '✉',
  get label() {
    return t('actions.followUpEmail.label');
  },
  shortcut: { key: 'Alt+Shift+E', description: '__MSG_actions_followUpEmail_command__' },
  request: () => t('actions.followUpEmail.request'),
};
