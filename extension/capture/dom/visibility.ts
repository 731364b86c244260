import { colorInBackground, indistinguishable, parseColor, type Rgba } from './color';
import { type Declarations, DeclaredStyles } from './css-rules';

/**
 * Decides what the person can actually see, so hidden text (the published prompt-injection trick against AI
 * sidebars) never reaches the model. In a real browser it asks the layout engine (computed style, boxes,
 * `checkVisibility`); without one (linkedom in unit tests) it applies the same rules to the declared style from
 * inline `style` attributes and the page's `<style>` rules. Results are memoised per element: extractors ask about
 * the same ancestors over and over.
 */
export interface Visibility {
  /** The element, or one of its ancestors, hides its content (the whole subtree is skipped). */
  isHidden(element: Element): boolean;
  /** The element's own text cannot be read: tiny font, colour of its background, indented off-screen. */
  hidesText(element: Element): boolean;
  /** The element lays out as a block, so its text starts on a new line. */
  isBlock(element: Element): boolean;
}

/** Content that is never text the person reads, whatever its style. */
export const neverCaptured = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'svg',
  'canvas',
  'object',
  'embed',
  'datalist',
  'option',
]);

export const blockTags = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const minimumFontPx = 5;
const offscreenPx = 500;

function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.parentNode as (Node & { host?: Element }) | null;
  return root?.host ?? null; // across an open shadow root to its host
}

function hiddenByMarkup(element: Element): boolean {
  const tag = element.localName;
  if (neverCaptured.has(tag)) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  if (tag === 'input' && (element.getAttribute('type') ?? '').toLowerCase() === 'hidden') return true;
  if (tag === 'dialog' && !element.hasAttribute('open')) return true;
  // A closed <details> shows only its summary.
  const parent = element.parentElement;
  return parent?.localName === 'details' && !parent.hasAttribute('open') && tag !== 'summary';
}

/** px value of a CSS length; em/rem/% relative to `base`; undefined when unknown (auto, calc…). */
function lengthPx(value: string | undefined, base = 16): number | undefined {
  if (!value) return undefined;
  const match = value.trim().match(/^(-?[\d.]+)(px|em|rem|pt|%|)$/);
  if (!match) return undefined;
  const number = Number.parseFloat(match[1] ?? '');
  switch (match[2]) {
    case 'em':
      return number * base;
    case 'rem':
      return number * 16;
    case 'pt':
      return (number * 4) / 3;
    case '%':
      return (number / 100) * base;
    default:
      return number;
  }
}

function clipsToNothing(clip: string | undefined, clipPath: string | undefined): boolean {
  if (clip?.startsWith('rect(')) {
    const [top = 0, right = 0, bottom = 0, left = 0] = (clip.match(/-?[\d.]+/g) ?? []).map(Number);
    if (right - left <= 1 || bottom - top <= 1) return true;
  }
  if (clipPath) {
    const inset = clipPath.match(/^inset\(\s*([\d.]+)%/);
    if (inset && Number(inset[1]) >= 50) return true;
    if (/^circle\(\s*0/.test(clipPath)) return true;
  }
  return false;
}

const scaledToNothing = (transform: string | undefined) =>
  !!transform && (/scale\(\s*0\s*[,)]/.test(transform) || /^matrix\(\s*0,\s*0,\s*0,\s*0/.test(transform));

const clipsOverflow = (value: string | undefined) => value === 'hidden' || value === 'clip';

/** Shared memoisation; subclasses say how one element hides itself or its text. */
abstract class MemoisedVisibility implements Visibility {
  private readonly hidden = new WeakMap<Element, boolean>();
  private readonly textHidden = new WeakMap<Element, boolean>();

  isHidden(element: Element): boolean {
    const known = this.hidden.get(element);
    if (known !== undefined) return known;
    const parent = parentOf(element);
    const result = hiddenByMarkup(element) || (parent !== null && this.isHidden(parent)) || this.hidesBox(element);
    this.hidden.set(element, result);
    return result;
  }

  hidesText(element: Element): boolean {
    const known = this.textHidden.get(element);
    if (known !== undefined) return known;
    const result = this.unreadableText(element);
    this.textHidden.set(element, result);
    return result;
  }

  abstract isBlock(element: Element): boolean;
  protected abstract hidesBox(element: Element): boolean;
  protected abstract unreadableText(element: Element): boolean;
}

/** Real browser: computed style and layout boxes. */
class LayoutVisibility extends MemoisedVisibility {
  private readonly styles = new WeakMap<Element, CSSStyleDeclaration>();
  private readonly backgrounds = new WeakMap<Element, Rgba | null>();

  constructor(private readonly view: Window) {
    super();
  }

  private style(element: Element): CSSStyleDeclaration {
    let style = this.styles.get(element);
    if (!style) {
      style = this.view.getComputedStyle(element);
      this.styles.set(element, style);
    }
    return style;
  }

  isBlock(element: Element): boolean {
    const display = this.style(element).display;
    return blockTags.has(element.localName) || /^(block|flex|grid|list-item|table|flow-root)/.test(display);
  }

  protected hidesBox(element: Element): boolean {
    const style = this.style(element);
    // display:contents has no box of its own (checkVisibility says false) but its children still render.
    if (style.display === 'contents') return false;
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return true;
    if (Number.parseFloat(style.opacity) < 0.05) return true;
    const checkable = element as Element & { checkVisibility?: (options?: object) => boolean };
    if (checkable.checkVisibility && !checkable.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
      return true;
    if (clipsToNothing(style.clip, style.clipPath) || scaledToNothing(style.transform)) return true;
    const box = element.getBoundingClientRect();
    if ((box.width <= 1 || box.height <= 1) && (clipsOverflow(style.overflowX) || clipsOverflow(style.overflowY)))
      return true;
    if (style.position === 'absolute' || style.position === 'fixed') {
      const left = box.right + this.view.scrollX;
      const top = box.bottom + this.view.scrollY;
      if (left <= 0 || top <= 0) return true; // parked off-screen to the left or above
    }
    return false;
  }

  private background(element: Element | null): Rgba | null {
    if (!element) return [255, 255, 255, 1]; // the canvas
    const known = this.backgrounds.get(element);
    if (known !== undefined) return known;
    const style = this.style(element);
    let result: Rgba | null;
    if (style.backgroundImage && style.backgroundImage !== 'none')
      result = null; // unknowable: don't guess
    else {
      const color = parseColor(style.backgroundColor);
      result = color && color[3] > 0.5 ? color : this.background(parentOf(element));
    }
    this.backgrounds.set(element, result);
    return result;
  }

  protected unreadableText(element: Element): boolean {
    const style = this.style(element);
    if (Number.parseFloat(style.fontSize) < minimumFontPx) return true;
    if (Number.parseFloat(style.textIndent) <= -offscreenPx) return true;
    const color = parseColor(style.color);
    if (!color) return false;
    if (color[3] < 0.1) return true;
    const background = this.background(element);
    return background !== null && indistinguishable(color, background);
  }
}

/** No layout engine: the same rules on declared style (inline + `<style>` rules), with inheritance done by hand. */
class DeclaredVisibility extends MemoisedVisibility {
  private readonly declared = new WeakMap<Element, Declarations>();
  private readonly fontSizes = new WeakMap<Element, number>();
  private readonly styles: DeclaredStyles;

  constructor(document: Document) {
    super();
    this.styles = new DeclaredStyles(document);
  }

  private style(element: Element): Declarations {
    let style = this.declared.get(element);
    if (!style) {
      style = this.styles.of(element);
      this.declared.set(element, style);
    }
    return style;
  }

  isBlock(element: Element): boolean {
    const display = this.style(element).get('display');
    return display ? /^(block|flex|grid|list-item|table|flow-root)/.test(display) : blockTags.has(element.localName);
  }

  protected hidesBox(element: Element): boolean {
    const style = this.style(element);
    if (style.size === 0) return false;
    const display = style.get('display');
    const visibility = style.get('visibility');
    if (display === 'none' || visibility === 'hidden' || visibility === 'collapse') return true;
    const opacity = style.get('opacity');
    if (opacity !== undefined && Number.parseFloat(opacity) < 0.05) return true;
    if (clipsToNothing(style.get('clip'), style.get('clip-path')) || scaledToNothing(style.get('transform')))
      return true;
    const overflow = style.get('overflow') ?? style.get('overflow-x') ?? style.get('overflow-y');
    const width = lengthPx(style.get('width'));
    const height = lengthPx(style.get('height'));
    if (clipsOverflow(overflow) && ((width !== undefined && width <= 1) || (height !== undefined && height <= 1)))
      return true;
    const position = style.get('position');
    if (position === 'absolute' || position === 'fixed') {
      const left = lengthPx(style.get('left')) ?? 0;
      const top = lengthPx(style.get('top')) ?? 0;
      const right = lengthPx(style.get('right')) ?? 0;
      if (left <= -offscreenPx || top <= -offscreenPx || Math.abs(right) >= offscreenPx * 2) return true;
    }
    return false;
  }

  private inherited(element: Element, property: string): string | undefined {
    for (let current: Element | null = element; current; current = parentOf(current)) {
      const value = this.style(current).get(property);
      if (value !== undefined && value !== 'inherit') return value;
    }
    return undefined;
  }

  private fontSize(element: Element | null): number {
    if (!element) return 16;
    const known = this.fontSizes.get(element);
    if (known !== undefined) return known;
    const parentSize = this.fontSize(parentOf(element));
    const size = lengthPx(this.style(element).get('font-size'), parentSize) ?? parentSize;
    this.fontSizes.set(element, size);
    return size;
  }

  private background(element: Element): Rgba | undefined {
    for (let current: Element | null = element; current; current = parentOf(current)) {
      const style = this.style(current);
      const color = parseColor(style.get('background-color')) ?? colorInBackground(style.get('background'));
      if (color && color[3] > 0.5) return color;
      if (style.get('background')?.includes('url(')) return undefined;
    }
    return [255, 255, 255, 1];
  }

  protected unreadableText(element: Element): boolean {
    if (this.fontSize(element) < minimumFontPx) return true;
    const indent = lengthPx(this.inherited(element, 'text-indent'));
    if (indent !== undefined && indent <= -offscreenPx) return true;
    const color = parseColor(this.inherited(element, 'color'));
    if (!color) return false;
    if (color[3] < 0.1) return true;
    const background = this.background(element);
    return background !== undefined && indistinguishable(color, background);
  }
}

/** For copies already stripped of hidden content (no layout of their own): only markup can still hide. */
export const markupOnlyVisibility: Visibility = {
  isHidden: (element) => hiddenByMarkup(element),
  hidesText: () => false,
  isBlock: (element) => blockTags.has(element.localName),
};

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
      view && typeof view.getComputedStyle === 'function'
        ? new LayoutVisibility(view)
        : new DeclaredVisibility(document);
    cache.set(document, visibility);
  }
  return visibility;
}
