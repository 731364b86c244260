import { LayoutVisibility } from './layout-visibility';
import { blockTags, hiddenByMarkup, type Visibility } from './visibility-rules';

/**
 * Decides what the person can actually see, so hidden text (the published prompt-injection trick against AI
 * sidebars) never reaches the model. In a real browser it asks the layout engine (layout-visibility.ts: computed
 * style, rendered boxes after transforms and clipping, stacking, contrast); without one (linkedom in unit tests)
 * it applies what can be decided from the declared style of inline `style` attributes and the page's `<style>`
 * rules (declared-visibility.ts). Answers are memoised per capture: extractors ask about the same ancestors over
 * and over.
 */
export { blockTags, formControls, neverCaptured, type Visibility } from './visibility-rules';

/** For copies already stripped of hidden content (no layout of their own): only markup can still hide. */
export const markupOnlyVisibility: Visibility = {
  isHidden: (element) => hiddenByMarkup(element),
  hidesText: () => false,
  visibleTextOf: (node) => node.nodeValue ?? '',
  isBlock: (element) => blockTags.has(element.localName),
};

type Judge = (document: Document) => Visibility;

/**
 * How to judge a document that has no layout engine. Capture always runs in a browser, so the injected script
 * carries only the layout judge and markup rules; unit tests under linkedom install the declared-style judge
 * (declared-visibility.ts) here, which keeps it out of the page's bundle.
 */
let withoutLayout: Judge = () => markupOnlyVisibility;

export function judgeWithoutLayout(judge: Judge): void {
  withoutLayout = judge;
  resetVisibility();
}

let cache = new WeakMap<Document, Visibility>();

/** Forgets every memoised answer: the live page may have changed since the last capture. */
export function resetVisibility(): void {
  cache = new WeakMap();
}

/** One Visibility per document (each same-origin frame has its own styles), shared within one capture. */
export function visibilityOf(document: Document): Visibility {
  let visibility = cache.get(document);
  if (!visibility) {
    const view = document.defaultView;
    visibility =
      view && typeof view.getComputedStyle === 'function' && typeof document.createRange === 'function'
        ? new LayoutVisibility(view)
        : withoutLayout(document);
    cache.set(document, visibility);
  }
  return visibility;
}

/** Whether a text node is drawn where the person can read it (its element shown, its own text readable). */
export function isTextVisible(text: Text): boolean {
  const parent = text.parentElement ?? (text.parentNode as (Node & { host?: Element }) | null)?.host ?? null;
  if (!parent) return false;
  const visibility = visibilityOf(parent.ownerDocument);
  return !visibility.isHidden(parent) && !visibility.hidesText(parent);
}
