import { textOf } from './markdown';
import { controlValue } from './query';
import { queryFirstDeep } from './walk';

/** A value is words or numbers: a button showing only a glyph (× to remove a tag, ▾ to open) is not one. */
const hasWords = (text: string) => /[\p{L}\p{N}]/u.test(text);

/** The × (or ✕) of each tag pill in a multi-value field: a separator between values, and nothing at the end. */
const removeGlyph = /\s*[×✕✖⨯](?:\s+|$)/g;
/** The arrow a dropdown shows after its value. */
const openGlyph = /\s*[▾▼⌄]\s*$/;
/** A help icon drawn as a glyph between a label and its value ("Source ? Email"). */
const helpGlyph = /^\s*[?ⓘℹ]\s+/u;

function tidy(value: string): string {
  const shown = value.replace(openGlyph, '').replace(helpGlyph, '');
  return shown
    .replace(removeGlyph, (separator, offset: number) => (offset + separator.length < shown.length ? ', ' : ''))
    .trim();
}

/**
 * The value shown in a labelled form row: a control's value (never a password), a dropdown button's text,
 * or the row's text without its label; the remove buttons of its tag pills become commas, a dropdown's arrow and a
 * help icon's glyph go.
 */
export function labelledValue(row: Element, label?: Element | null): string {
  const control = queryFirstDeep(row, 'input:not([type="password"]):not([type="hidden"]), select, textarea');
  const fromControl = control ? controlValue(control) : '';
  if (fromControl) return fromControl;
  const button = queryFirstDeep(row, 'button');
  const fromButton = button ? textOf(button) : '';
  if (hasWords(fromButton)) return tidy(fromButton);
  const text = textOf(row);
  const labelText = label ? textOf(label) : '';
  return tidy(labelText && text.startsWith(labelText) ? text.slice(labelText.length) : text);
}
