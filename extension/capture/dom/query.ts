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
    return ((element as HTMLInputElement).value ?? element.getAttribute('value') ?? '').trim();
  }
  if (element.localName === 'textarea')
    return ((element as HTMLTextAreaElement).value ?? element.textContent ?? '').trim();
  return '';
}
