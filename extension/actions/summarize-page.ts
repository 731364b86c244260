import { actionSpecs } from '../../shared/actions';
import { t } from '../lib/i18n';
import type { ExtensionAction } from './types';

/** Summarize the page beside the panel, shaped by its kind (record, ticket, thread, article). */
export const summarizePage: ExtensionAction = {
  ...actionSpecs['summarize-page'],
  icon: '≡',
  // Not Alt+Shift+P: Chrome keeps that key for itself and leaves the command without one (chrome.commands.getAll()).
  shortcut: { key: 'Alt+Shift+U', description: '__MSG_actions_summarizePage_command__' },
  get label() {
    return t('actions.summarizePage.label');
  },
  request: () => t('actions.summarizePage.request'),
};
