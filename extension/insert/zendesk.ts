import { t } from '../lib/i18n';
import { editables, preferActive } from './dom';
import type { ReplyEditor } from './types';

/**
 * Zendesk's ticket composer. Agent Workspace edits in CKEditor 5 (`.ck-editor__editable`); the older agent
 * interface in `.zendesk-editor--rich-text-comment`; plain-text mode in a textarea. Public reply and internal
 * note are the same editor in two modes, so inserting goes to whichever the agent has chosen.
 */
const RICH =
  '[data-test-id^="omnicomposer"] .ck-editor__editable[contenteditable], ' +
  '[data-test-id^="omnicomposer"] [contenteditable][role="textbox"], ' +
  '.zendesk-editor--rich-text-comment[contenteditable]';
const PLAIN = 'textarea[data-test-id="omnicomposer-plain-text"], textarea[name="comment[value]"]';

function isInternal(body: HTMLElement): boolean {
  const composer = body.closest('[data-test-id="omnicomposer"], .comment_input, form') ?? body;
  const mode = composer.querySelector(
    '[aria-pressed="true"], [aria-selected="true"], .is-active, [data-active="true"]',
  );
  const hint = `${body.getAttribute('aria-label') ?? ''} ${body.getAttribute('placeholder') ?? ''} ${mode?.textContent ?? ''}`;
  return /internal/i.test(hint) || composer.classList.contains('is-internal');
}

export const zendesk: ReplyEditor = {
  id: 'zendesk',
  find(document) {
    const body =
      preferActive(document, editables(document, RICH)) ?? preferActive(document, editables(document, PLAIN));
    if (!body) return undefined;
    return { body, label: isInternal(body) ? t('insert.places.zendeskNote') : t('insert.places.zendeskReply') };
  },
};
