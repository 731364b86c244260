import { describe, expect, it } from 'vitest';
import { findEditor, insertDraft } from './insert-draft';
import { countEvents, loadEditorPage, parse } from './testing';

describe('Zendesk composer', () => {
  it('prefers the rich editor (CKEditor) over the hidden plain-text textarea', () => {
    const document = loadEditorPage('zendesk--reply-editor');
    const found = findEditor(document);
    expect(found?.id).toBe('zendesk');
    expect(found?.target.body.classList.contains('ck-editor__editable')).toBe(true);
    expect(found?.target.label).toBe('Zendesk reply');
    expect(found?.target.subject).toBeUndefined();
  });

  it('says when the agent is writing an internal note', () => {
    const document = loadEditorPage('zendesk--reply-editor');
    document.querySelector('[data-test-id$="public"]')!.setAttribute('aria-pressed', 'false');
    document.querySelector('[data-test-id$="internal"]')!.setAttribute('aria-pressed', 'true');
    expect(findEditor(document)?.target.label).toBe('Zendesk internal note');
  });

  it('inserts into the rich editor and never submits', () => {
    const document = loadEditorPage('zendesk--reply-editor');
    const editable = document.querySelector<HTMLElement>('.ck-editor__editable')!;
    const inputs = countEvents(editable, 'input');
    let submitted = false;
    document.querySelector('[data-test-id="submit_button-button"]')!.addEventListener('click', () => {
      submitted = true;
    });
    const result = insertDraft(document, { body: 'Hi Maria,\n\nThe fix is live.' });
    expect(result).toMatchObject({ ok: true, editor: 'zendesk' });
    expect(editable.textContent).toContain('The fix is live.');
    expect(inputs()).toBe(1);
    expect(submitted).toBe(false);
  });

  it('in plain-text mode, writes the textarea the way React sees it, keeping what the agent wrote below', () => {
    const document = loadEditorPage('zendesk--ticket');
    const textarea = document.querySelector<HTMLTextAreaElement>('textarea[data-test-id="omnicomposer-plain-text"]')!;
    const inputs = countEvents(textarea, 'input');
    const result = insertDraft(document, { body: 'Hi Maria, please try the export again.' });
    expect(result).toMatchObject({ ok: true, editor: 'zendesk', label: 'Zendesk reply' });
    expect(textarea.value).toBe('Hi Maria, please try the export again.\n\nDraft: thanks Maria');
    expect(inputs()).toBe(1);
  });

  it('does not mistake a page without a composer for Zendesk', () => {
    const document = parse('<main><p>No editor here</p><input type="search"></main>');
    expect(insertDraft(document, { body: 'x' })).toMatchObject({ ok: false, reason: 'no-editor' });
  });
});
