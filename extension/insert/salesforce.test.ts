import { describe, expect, it } from 'vitest';
import { findEditor, insertDraft } from './insert-draft';
import { parse } from './testing';

// Lightning's email composer as it renders in the activity timeline: Quill inside lightning-input-rich-text.
const composer = `
<div class="emailComposer">
  <div class="slds-form-element"><label>To</label><input class="slds-input" value="dana.whitfield@acme.example"></div>
  <div class="slds-form-element"><label>Subject</label><input class="slds-input" name="subject" placeholder="Enter Subject..."></div>
  <lightning-input-rich-text>
    <div class="slds-rich-text-editor">
      <div class="slds-rich-text-editor__textarea"><div class="ql-editor ql-blank" contenteditable="true" data-placeholder="Compose text"><p><br></p></div></div>
    </div>
  </lightning-input-rich-text>
  <button class="slds-button slds-button_brand">Send</button>
</div>`;

describe('Salesforce email composer', () => {
  it('finds the Quill body and the Subject input of the composer', () => {
    const found = findEditor(parse(composer));
    expect(found?.id).toBe('salesforce');
    expect(found?.target.body.classList.contains('ql-editor')).toBe(true);
    expect(found?.target.subject?.name).toBe('subject');
    expect(found?.target.label).toBe('Salesforce email');
  });

  it('inserts body and subject', () => {
    const document = parse(composer);
    const result = insertDraft(document, { subject: 'Next steps', body: 'Hi Dana,\n\nFollowing up on our call.' });
    expect(result).toEqual({ ok: true, editor: 'salesforce', label: 'Salesforce email', subject: true });
    expect(document.querySelector('.ql-editor')!.textContent).toContain('Following up on our call.');
    expect(document.querySelector<HTMLInputElement>('input[name="subject"]')!.value).toBe('Next steps');
  });
});
