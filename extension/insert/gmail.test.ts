import { describe, expect, it } from 'vitest';
import { findEditor, insertDraft } from './insert-draft';
import { countEvents, loadEditorPage, parse } from './testing';

const draft = {
  subject: 'Revised quote for Acme',
  body: 'Hi Priya,\n\nHere is the plan:\n\n- 3-year term\n- Volume tiers\n\nBest,\n[your name]',
};

describe('Gmail compose', () => {
  it('finds the contenteditable message body and the subject of the compose window', () => {
    const document = loadEditorPage('gmail--compose');
    const found = findEditor(document);
    expect(found?.id).toBe('gmail');
    expect(found?.target.body.getAttribute('g_editable')).toBe('true');
    expect(found?.target.subject?.getAttribute('name')).toBe('subjectbox');
    expect(found?.target.label).toBe('Gmail compose');
  });

  it('inserts into the editor the app uses (not its hidden textarea), fills the subject, sends nothing', () => {
    const document = loadEditorPage('gmail--compose');
    const body = document.querySelector<HTMLElement>('[g_editable="true"]')!;
    const inputs = countEvents(body, 'input');
    const submits = countEvents(document.querySelector('form')!, 'submit');
    const result = insertDraft(document, draft);
    expect(result).toEqual({ ok: true, editor: 'gmail', label: 'Gmail compose', subject: true });
    expect(body.innerHTML).toContain('<p>Hi Priya,</p>');
    expect(body.innerHTML).toContain('<li>3-year term</li>');
    expect(inputs()).toBeGreaterThan(0);
    expect(document.querySelector<HTMLTextAreaElement>('textarea[name="body"]')!.value).toBe('');
    expect(document.querySelector<HTMLInputElement>('input[name="subjectbox"]')!.value).toBe('Revised quote for Acme');
    expect(submits()).toBe(0);
  });

  it('keeps a subject the person already wrote', () => {
    const document = loadEditorPage('gmail--compose');
    document.querySelector<HTMLInputElement>('input[name="subjectbox"]')!.value = 'My own subject';
    const result = insertDraft(document, draft);
    expect(result.ok && result.subject).toBe(false);
    expect(document.querySelector<HTMLInputElement>('input[name="subjectbox"]')!.value).toBe('My own subject');
  });

  it('in a reply inside a thread (no subject box), inserts above the quoted text', () => {
    const document = parse(
      `<div class="M9"><div g_editable="true" contenteditable="true" role="textbox" aria-label="Message Body"><div class="gmail_quote">On Mon, Priya wrote: …</div></div></div>`,
    );
    const result = insertDraft(document, { body: 'Thanks Priya!' });
    expect(result).toMatchObject({ ok: true, label: 'Gmail reply', subject: false });
    const editor = document.querySelector('[g_editable]')!;
    expect(editor.firstElementChild?.outerHTML).toBe('<p>Thanks Priya!</p>');
    expect(editor.lastElementChild?.className).toBe('gmail_quote');
  });

  it('ignores a compose window that is hidden', () => {
    const document = parse(`<div style="display:none"><div g_editable="true" contenteditable="true"></div></div>`);
    expect(findEditor(document)).toBeUndefined();
  });
});
