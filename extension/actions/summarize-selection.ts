import { actionSpecs } from '../../shared/actions';
import { t } from '../lib/i18n';
import type { ExtensionAction } from './types';

/** Right-click on selected text (or Alt+Shift+S): a summary of exactly that text. */
export const summarizeSelection: ExtensionAction = {
  ...actionSpecs['summarize-selection'],
  icon: '✂',
  menu: ['selection'],
  shortcut: { key: 'Alt+Shift+S', description: '__MSG_actions_summarizeSelection_command__' },
  get label() {
    return t('actions.summarizeSelection.label');
  },
  // Never the page title: the user turn is outside every delimited block, so page text must not reach it.
  request: () => t('actions.summarizeSelection.request'),
};
