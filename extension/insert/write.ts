import { textToHtml } from './html';

/**
 * Writing into an app's editor the way typing or pasting would, so the app's own state (React, CKEditor,
 * Quill, Gmail) sees the change and keeps it; nothing is ever submitted.
 */

/** Sets a textarea/input through the prototype's setter: React tracks `value` and ignores plain assignment. */
export function setFieldValue(field: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  const window = field.ownerDocument.defaultView!;
  const prototype =
    field instanceof window.HTMLTextAreaElement
      ? window.HTMLTextAreaElement.prototype
      : window.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (setter) setter.call(field, value);
  else field.value = value;
  field.dispatchEvent(new window.Event('input', { bubbles: true }));
  field.dispatchEvent(new window.Event('change', { bubbles: true }));
}

/** Into a textarea: at the caret when the person left it there, otherwise above what is already written. */
export function writeIntoField(field: HTMLTextAreaElement, text: string): void {
  const current = field.value;
  const focused = field.ownerDocument.activeElement === field;
  if (focused && typeof field.selectionStart === 'number') {
    const start = field.selectionStart;
    const end = field.selectionEnd ?? start;
    setFieldValue(field, current.slice(0, start) + text + current.slice(end));
    return;
  }
  setFieldValue(field, current.trim() ? `${text}\n\n${current}` : text);
}

/**
 * A caret inside the editor: the person's own, or the very start (above any quoted text of a reply).
 * Undefined where the DOM has no usable Range (then insertion goes to the start of the editor).
 */
function placeCaret(editor: HTMLElement): Range | undefined {
  const document = editor.ownerDocument;
  const selection = document.getSelection?.();
  const current = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
  if (current && editor.contains(current.commonAncestorContainer)) return current;
  const range = document.createRange?.();
  if (!range || typeof range.setStart !== 'function') return undefined;
  range.setStart(editor, 0);
  range.collapse(true);
  if (selection) {
    selection.removeAllRanges();
    selection.addRange(range);
  }
  return range;
}

/** Rich editors (CKEditor, Quill, ProseMirror, Gmail) handle a paste event themselves and call preventDefault. */
function pasteInto(editor: HTMLElement, text: string, html: string): boolean {
  const window = editor.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  if (!window || typeof window.DataTransfer !== 'function' || typeof window.ClipboardEvent !== 'function') return false;
  const data = new window.DataTransfer();
  data.setData('text/plain', text);
  data.setData('text/html', html);
  const event = new window.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  return !editor.dispatchEvent(event);
}

/** A plain contenteditable: the browser's own editing command, which fires beforeinput/input like typing. */
function execInsert(editor: HTMLElement, html: string): boolean {
  const document = editor.ownerDocument as Document & {
    execCommand?: (command: string, ui: boolean, value: string) => boolean;
  };
  if (typeof document.execCommand !== 'function') return false;
  try {
    return document.execCommand('insertHTML', false, html);
  } catch {
    return false;
  }
}

/** Last resort: DOM nodes at the caret (or the start of the editor), announced with an input event. */
function domInsert(editor: HTMLElement, range: Range | undefined, html: string): void {
  const document = editor.ownerDocument;
  const template = document.createElement('template');
  template.innerHTML = html;
  if (range) {
    range.deleteContents();
    range.insertNode(template.content);
  } else {
    editor.insertBefore(template.content, editor.firstChild);
  }
  const window = document.defaultView!;
  const InputEventClass = (window as unknown as { InputEvent?: typeof InputEvent }).InputEvent;
  const event = InputEventClass
    ? new InputEventClass('input', { bubbles: true, inputType: 'insertFromPaste' })
    : new window.Event('input', { bubbles: true });
  editor.dispatchEvent(event);
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

export function writeIntoRichEditor(editor: HTMLElement, text: string): void {
  const html = textToHtml(text);
  editor.focus();
  placeCaret(editor);
  const before = normalise(editor.textContent ?? '');
  const probe = normalise(text.split('\n').find((line) => line.trim()) ?? '').slice(0, 40);
  const landed = () =>
    normalise(editor.textContent ?? '') !== before && normalise(editor.textContent ?? '').includes(probe);
  if (pasteInto(editor, text, html)) return;
  if (execInsert(editor, html) && landed()) return;
  // execCommand may have moved or dropped the caret; place it again before touching the DOM directly.
  domInsert(editor, placeCaret(editor), html);
}
