import { visibilityOf } from './visibility';

/** Elements matching `selector` that the person can see (duplicated mobile markup, inactive tabs are left out). */
export function visibleAll(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector)).filter(
    (element) => !visibilityOf(element.ownerDocument).isHidden(element),
  );
}

export function visibleFirst(root: ParentNode, selector: string): Element | undefined {
  for (const element of Array.from(root.querySelectorAll(selector))) {
    if (!visibilityOf(element.ownerDocument).isHidden(element)) return element;
  }
  return undefined;
}

/** What a form control shows; a password field's value is never read. */
export function controlValue(element: Element | undefined): string {
  if (!element) return '';
  if (element.localName === 'select') {
    const select = element as HTMLSelectElement;
    const selected = select.querySelector('option[selected]') ?? select.querySelector('option');
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
