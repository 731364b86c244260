/** DOM helpers shared by the reply editors: visibility, which editor the person is using, its subject field. */

function hiddenByAttributes(element: Element): boolean {
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (current.hasAttribute('hidden') || current.getAttribute('aria-hidden') === 'true') return true;
    const style = (current as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  }
  return false;
}

/** Visible to the person: apps keep hidden composers (other tabs, collapsed drafts) mounted in the DOM. */
export function isVisible(element: Element): boolean {
  const check = (element as Element & { checkVisibility?: (options?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') return check.call(element, { visibilityProperty: true });
  return !hiddenByAttributes(element);
}

export function isEditable(element: Element): boolean {
  // Attributes rather than the readOnly/disabled properties, which not every DOM implementation reflects.
  if (element.tagName === 'TEXTAREA') return !element.hasAttribute('readonly') && !element.hasAttribute('disabled');
  return element.getAttribute('contenteditable') === 'true' || element.getAttribute('contenteditable') === '';
}

/** Visible, editable matches of `selector`. */
export function editables(root: ParentNode, selector: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(selector)).filter(
    (element) => isVisible(element) && isEditable(element),
  );
}

/**
 * Of several candidate editors, the one the person was in: it holds the focus or the selection; otherwise the
 * last one (apps append a new composer after the older ones).
 */
export function preferActive(document: Document, candidates: HTMLElement[]): HTMLElement | undefined {
  const active = document.activeElement;
  const anchor = document.getSelection?.()?.anchorNode ?? null;
  return (
    candidates.find((candidate) => active && (candidate === active || candidate.contains(active))) ??
    candidates.find((candidate) => anchor && candidate.contains(anchor)) ??
    candidates.at(-1)
  );
}

const SUBJECT =
  'input[name="subjectbox"], input[name="subject" i], input[aria-label*="subject" i], input[placeholder*="subject" i]';

/** The subject field of the composer around `body`: the nearest ancestor that has one, a few levels up. */
export function subjectNear(body: Element, levels = 12): HTMLInputElement | undefined {
  let current: Element | null = body.parentElement;
  for (let level = 0; current && level < levels; level++, current = current.parentElement) {
    const subject = Array.from(current.querySelectorAll<HTMLInputElement>(SUBJECT)).find(isVisible);
    if (subject) return subject;
  }
  return undefined;
}
