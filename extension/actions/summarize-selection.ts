import { actionSpecs } from '../../shared/actions';
import type { ExtensionAction } from './types';

/** Right-click on selected text (or Alt+Shift+S): a summary of exactly that text. */
export const summarizeSelection: ExtensionAction = {
  ...actionSpecs['summarize-selection'],
  icon: '✂',
  menu: ['selection'],
  shortcut: { key: 'Alt+Shift+S', description: 'Summarize the selected text' },
  request: (page) => `Summarize the selection from “${page.title || new URL(page.url).host}”`,
};
