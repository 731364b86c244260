import { actionSpecs } from '../../shared/actions';
import type { ExtensionAction } from './types';

/** Summarize the page beside the panel, shaped by its kind (record, ticket, thread, article). */
export const summarizePage: ExtensionAction = {
  ...actionSpecs['summarize-page'],
  icon: '≡',
  shortcut: { key: 'Alt+Shift+P', description: 'Summarize this page' },
  request: () => 'Summarize this page',
};
