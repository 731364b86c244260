import { actionSpecs } from '../../shared/actions';
import type { ExtensionAction } from './types';

/** Right-click on selected text (or Alt+Shift+S): a summary of exactly that text. */
export const summarizeSelection: ExtensionAction = {
  ...actionSpecs['summarize-selection'],
  icon: '✂',
  menu: ['selection'],
  shortcut: { key: 'Alt+Shift+S', description: 'Summarize the selected text' },
  // Never the page title: the user turn is outside every delimited block, so page text must not reach it.
  request: () => 'Summarize the selected text',
};
