import { textOf } from './markdown';
import { controlValue } from './query';
import { queryFirstDeep } from './walk';

/**
 * The value shown in a labelled form row: a control's value (never a password), a dropdown button's text,
 * or the row's text without its label.
 */
export function labelledValue(row: Element, label?: Element | null): string {
  const control = queryFirstDeep(row, 'input:not([type="password"]):not([type="hidden"]), select, textarea');
  const fromControl = control ? controlValue(control) : '';
  if (fromControl) return fromControl;
  const button = queryFirstDeep(row, 'button');
  const fromButton = button ? textOf(button) : '';
  if (fromButton) return fromButton;
  const text = textOf(row);
  const labelText = label ? textOf(label) : '';
  return labelText && text.startsWith(labelText) ? text.slice(labelText.length).trim() : text;
}
