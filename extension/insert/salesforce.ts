import { t } from '../lib/i18n';
import { editables, preferActive, subjectNear } from './dom';
import type { ReplyEditor } from './types';

/**
 * Salesforce Lightning's email composer (activity timeline, case feed): the body is a
 * `lightning-input-rich-text`, Quill underneath (`.ql-editor`), with a Subject input in the same composer.
 */
const BODY =
  '.slds-rich-text-editor .ql-editor[contenteditable], ' +
  'lightning-input-rich-text [contenteditable="true"], ' +
  '.slds-rich-text-area [contenteditable="true"]';

export const salesforce: ReplyEditor = {
  id: 'salesforce',
  find(document) {
    const body = preferActive(document, editables(document, BODY));
    if (!body) return undefined;
    const subject = subjectNear(body);
    return { body, ...(subject ? { subject } : {}), label: t('insert.places.salesforceEmail') };
  },
};
