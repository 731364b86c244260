import { actionSpecs } from '../../shared/actions';
import type { ExtensionAction } from './types';

/** One click → a follow-up email in the draft view (subject + body, tone, delivery). */
export const followUpEmail: ExtensionAction = {
  ...actionSpecs['follow-up-email'],
  icon: '✉',
  shortcut: { key: 'Alt+Shift+E', description: 'Draft a follow-up email' },
  request: () => 'Draft the follow-up email',
};
