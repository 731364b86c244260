import { describe, expect, it } from 'vitest';
import { findEditor, insertDraft } from './insert-draft';
import { parse } from './testing';

describe('generic reply box', () => {
  it('uses the page’s only editor', () => {
    const document = parse('<form><input type="search"><textarea id="reply"></textarea></form>');
    expect(findEditor(document)).toMatchObject({ id: 'generic', target: { label: 'the reply box' } });
    insertDraft(document, { body: 'Hello' });
    expect(document.querySelector<HTMLTextAreaElement>('#reply')!.value).toBe('Hello');
  });

  it('with several editors, picks the one the person was typing in', () => {
    const document = parse('<textarea id="notes"></textarea><div id="reply" contenteditable="true"></div>');
    const reply = document.querySelector<HTMLElement>('#reply')!;
    Object.defineProperty(document, 'activeElement', { value: reply, configurable: true });
    expect(findEditor(document)?.target.body).toBe(reply);
  });

  it('with several editors and no focus, finds nothing rather than guess', () => {
    const document = parse('<textarea id="a"></textarea><textarea id="b"></textarea>');
    expect(findEditor(document)).toBeUndefined();
    expect(insertDraft(document, { body: 'x' })).toMatchObject({ ok: false, reason: 'no-editor' });
  });

  it('skips read-only and hidden boxes', () => {
    const document = parse(
      '<textarea readonly></textarea><textarea hidden></textarea><div contenteditable="false"></div>',
    );
    expect(findEditor(document)).toBeUndefined();
  });

  it('counts a rich editor with nested editable parts once', () => {
    const document = parse('<div id="outer" contenteditable="true"><p contenteditable="true">x</p></div>');
    expect(findEditor(document)?.target.body.id).toBe('outer');
  });
});
