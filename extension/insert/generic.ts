import { t } from '../lib/i18n';
import { editables, isEditable, isVisible } from './dom';
import type { ReplyEditor } from './types';

/**
 * Any other page: the editor the person last clicked into, or the page's only visible editor. Several
 * editors and no focus is ambiguous, and guessing could put an email into a search box: find nothing then.
 */
export const generic: ReplyEditor = {
  id: 'generic',
  find(document) {
    const active = document.activeElement as HTMLElement | null;
    if (active && active !== document.body && isVisible(active) && (isEditable(active) || active.isContentEditable)) {
      return { body: active, label: t('insert.places.typingBox') };
    }
    const candidates = editables(document, '[contenteditable="true"], [contenteditable=""], textarea');
    const outermost = candidates.filter(
      (candidate) => !candidates.some((other) => other !== candidate && other.contains(candidate)),
    );
    if (outermost.length !== 1) return undefined;
    return { body: outermost[0]!, label: t('insert.places.replyBox') };
  },
};
