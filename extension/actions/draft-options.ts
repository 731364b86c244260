import { storage } from 'wxt/utils/storage';
import { type ActionOptions, defaultActionOptions } from '../../shared/actions';

/** The person's last tone/length/language, kept for the next draft. */
export const draftOptionsSetting = storage.defineItem<ActionOptions>('local:draftOptions', {
  fallback: defaultActionOptions,
});
