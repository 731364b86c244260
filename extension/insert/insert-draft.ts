import { t } from '../lib/i18n';
import { replyEditors } from './registry';
import { isSamePage, targetChangedMessage } from './target';
import type { EditorTarget, InsertRequest, InsertResult, PageInsertRequest } from './types';
import { setFieldValue, writeIntoField, writeIntoRichEditor } from './write';

export function findEditor(document: Document): { id: string; target: EditorTarget } | undefined {
  for (const editor of replyEditors) {
    try {
      const target = editor.find(document);
      if (target) return { id: editor.id, target };
    } catch (error) {
      // One editor's broken selector must not stop the others (refined-github's rule for features).
      console.warn(`[beside] reply editor ${editor.id} failed`, error);
    }
  }
  return undefined;
}

/**
 * The injected script's entry: inserts only if the page it runs in (`pageHref`) is still the page the draft was
 * written for. Checked in the page, as the very last step, because the tab may navigate after the panel looked.
 */
export function insertDraftIntoPage(document: Document, pageHref: string, request: PageInsertRequest): InsertResult {
  if (!isSamePage(pageHref, request.pageUrl)) {
    return { ok: false, reason: 'target-changed', message: targetChangedMessage() };
  }
  return insertDraft(document, request);
}

/** Puts the draft into the page's reply editor. Never clicks send, never submits a form. */
export function insertDraft(document: Document, request: InsertRequest): InsertResult {
  const found = findEditor(document);
  if (!found) {
    return {
      ok: false,
      reason: 'no-editor',
      message: t('insert.noEditor'),
    };
  }
  const { body, subject, label } = found.target;
  try {
    const window = document.defaultView!;
    if (body instanceof window.HTMLTextAreaElement) writeIntoField(body, request.body);
    else writeIntoRichEditor(body, request.body);
    // Only an empty subject is filled: a reply keeps its "Re: …", and the person's own subject wins.
    const fillSubject = !!(subject && request.subject && !subject.value.trim());
    if (fillSubject) setFieldValue(subject!, request.subject!);
    return { ok: true, editor: found.id, label, subject: fillSubject };
  } catch (error) {
    return {
      ok: false,
      reason: 'failed',
      message: t('insert.failedInto', { place: label, reason: String(error).slice(0, 200) }),
    };
  }
}
