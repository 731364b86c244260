import { t } from '../lib/i18n';
import { editables, preferActive, subjectNear } from './dom';
import type { ReplyEditor } from './types';

/**
 * Gmail's compose and reply box: a contenteditable marked `g_editable` (its aria-label "Message Body" is
 * translated, the attribute is not). A new compose window also has a `subjectbox`; a reply in a thread has none.
 */
export const gmail: ReplyEditor = {
  id: 'gmail',
  find(document) {
    const body = preferActive(
      document,
      editables(
        document,
        'div[g_editable="true"][contenteditable], div[role="textbox"][aria-label="Message Body"][contenteditable]',
      ),
    );
    if (!body) return undefined;
    const subject = subjectNear(body);
    return {
      body,
      ...(subject ? { subject } : {}),
      label: subject ? t('insert.places.gmailCompose') : t('insert.places.gmailReply'),
    };
  },
};
