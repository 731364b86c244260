import { visibleAllDeep, visibleFirstDeep } from './walk';

/** Elements matching `selector` that the person can see, through shadow roots and frames (see walk.ts). */
export const visibleAll = visibleAllDeep;
export const visibleFirst = visibleFirstDeep;

/** What a form control shows; a password field's value is never read. */
export function controlValue(element: Element | undefined): string {
  if (!element) return '';
  if (element.localName === 'select') {
    const select = element as HTMLSelectElement;
    const options = Array.from(select.children).filter((option) => option.localName === 'option');
    const selected = options.find((option) => option.hasAttribute('selected')) ?? options[0];
    return (select.selectedOptions?.[0] ?? selected)?.textContent?.trim() ?? '';
  }
  if (element.localName === 'input') {
    const type = (element.getAttribute('type') ?? 'text').toLowerCase();
    if (type === 'password' || type === 'hidden') return '';
    // A tick box shows whether it is ticked, not its form value (which is "on" whatever the state).
    if (type === 'checkbox' || type === 'radio') {
      const { checked } = element as HTMLInputElement; // live state; markup-only documents have the attribute
      return (checked ?? element.hasAttribute('checked')) ? 'Yes' : 'No';
    }
    return ((element as HTMLInputElement).value ?? element.getAttribute('value') ?? '').trim();
  }
  if (element.localName === 'textarea')
    return ((element as HTMLTextAreaElement).value ?? element.textContent ?? '').trim();
  return '';
}
