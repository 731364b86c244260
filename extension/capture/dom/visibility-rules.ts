import type { Rgba } from './color';
import { gradientColors } from './contrast';

/**
 * What every visibility judge shares: the interface, what markup alone hides, and the memoisation. The layout
 * judge (layout-visibility.ts) and the declared-style judge (declared-visibility.ts) only say how one element
 * hides its box or its own text.
 */
export interface Visibility {
  /** The element, or one of its ancestors, hides its content (the whole subtree is skipped). */
  isHidden(element: Element): boolean;
  /**
   * The element's own text (its direct text-node children) cannot be read: tiny font, colour of its background,
   * clipped or moved off the page, covered by another element, `visibility: hidden`…
   */
  hidesText(element: Element): boolean;
  /**
   * What the person can read of one text node: nothing when its element hides its text, all of it mostly, and only
   * the lines that show when a box clips the rest (a fixed height, a line clamp).
   */
  visibleTextOf(node: Text): string;
  /** The element lays out as a block, so its text starts on a new line. */
  isBlock(element: Element): boolean;
  /**
   * Shadow hosts and same-origin frames of one tree, in document order, leaving out those inside subtrees that
   * render nothing: known to a judge that walks the page's layout once (rendered-tree.ts); undefined when it
   * does not, or did not reach that tree.
   */
  gatewaysOf?(tree: Document | ShadowRoot): Element[] | undefined;
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

/** Below this the glyphs are specks, whatever the font. */
export const minimumFontPx = 5;
/** Moved this far out of its box (text-indent, negative offsets) text is parked, not laid out for reading. */
export const offscreenPx = 500;
/** Accumulated opacity under which content is as good as transparent. */
export const minimumOpacity = 0.1;
/** A blur this wide (px) smears body text beyond reading. */
export const unreadableBlurPx = 4;

export function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.parentNode as (Node & { host?: Element }) | null;
  return root?.host ?? null; // across an open shadow root to its host
}

/**
 * The element whose style a text node is drawn with: the slot it is assigned to, its parent, or the host of the
 * shadow root it sits in directly (components such as lightning-formatted-text render their value as the root's
 * own text).
 */
export function textOwner(node: Text): Element | null {
  return (
    node.assignedSlot ?? node.parentElement ?? (node.parentNode as (Node & { host?: Element }) | null)?.host ?? null
  );
}

/** A closed `<details>` shows only its summary: everything else in it, bare text included, is hidden. */
export const isClosedDetails = (element: Element) => element.localName === 'details' && !element.hasAttribute('open');

/**
 * What markup alone hides. With `laidOut`, the computed style has the last word on the `hidden` attribute: the
 * browser's own `[hidden] { display: none }` is a rule a page may override to show the element.
 */
export function hiddenByMarkup(element: Element, laidOut = false): boolean {
  const tag = element.localName;
  if (neverCaptured.has(tag)) return true;
  if ((!laidOut && element.hasAttribute('hidden')) || element.getAttribute('aria-hidden') === 'true') return true;
  if (tag === 'input' && (element.getAttribute('type') ?? '').toLowerCase() === 'hidden') return true;
  if (tag === 'dialog' && !element.hasAttribute('open')) return true;
  const parent = element.parentElement;
  if (parent === null || !isClosedDetails(parent)) return false;
  // Only the first summary child is the details' summary; any other is part of what it hides.
  return tag !== 'summary' || parent.querySelector(':scope > summary') !== element;
}

/**
 * The text an element draws with its own style: its children's text; for a shadow host, its shadow root's own text
 * (a value rendered as the root's text, as lightning-formatted-text does), its light children being drawn only
 * through a slot; for a slot, the nodes assigned to it (their style is inherited from the slot, not their parent).
 */
export function ownTextParent(element: Element): { readonly firstChild: Node | null } | readonly Node[] {
  if (element.localName === 'slot') {
    const assigned = (element as HTMLSlotElement).assignedNodes?.() ?? [];
    if (assigned.length > 0) return assigned;
  }
  return element.shadowRoot ?? element;
}

/** Each text node an element draws with its own style (see ownTextParent), until `visit` answers true. */
export function someOwnText(element: Element, visit: (text: Text) => boolean): boolean {
  const parent = ownTextParent(element);
  if (Array.isArray(parent)) return parent.some((node) => node.nodeType === 3 && visit(node as Text));
  for (let child = (parent as Node).firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 && visit(child as Text)) return true;
  }
  return false;
}

/** Elements that draw a value as their text (markdown.ts reads it): judged as text of their own. */
export const formControls: ReadonlySet<string> = new Set(['input', 'textarea', 'select']);

/** Whether an element has text of its own (not only whitespace) — the only elements whose text needs judging. */
export const hasOwnText = (element: Element): boolean =>
  someOwnText(element, (text) => /\S/.test(text.nodeValue ?? ''));

export function clipsToNothing(clip: string | undefined, clipPath: string | undefined): boolean {
  if (clip?.startsWith('rect(')) {
    const [top = 0, right = 0, bottom = 0, left = 0] = (clip.match(/-?[\d.]+/g) ?? []).map(Number);
    if (right - left <= 1 || bottom - top <= 1) return true;
  }
  if (clipPath && clipPath !== 'none') {
    const inset = clipPath.match(/^inset\(\s*([\d.]+)%/);
    if (inset && Number(inset[1]) >= 50) return true;
    if (/^circle\(\s*0(px|%)?\s*[)a]/.test(clipPath) || /^ellipse\(\s*0(px|%)?\s/.test(clipPath)) return true;
    if (/^polygon\(/.test(clipPath) && !/[1-9]/.test(clipPath)) return true; // every vertex at 0 0
  }
  return false;
}

export const scaledToNothing = (transform: string | undefined) =>
  !!transform && (/scale[xy]?\(\s*0\s*[,)]/.test(transform) || /^matrix\(\s*0,\s*0,\s*0,\s*0/.test(transform));

export const clipsOverflow = (value: string | undefined) => value === 'hidden' || value === 'clip';

/** `opacity(…)` and `blur(…)` from a `filter` value: multiplied opacity, and the blur radius in px. */
export function filterEffects(filter: string | undefined): { opacity: number; blurPx: number } {
  let opacity = 1;
  let blurPx = 0;
  if (!filter || filter === 'none') return { opacity, blurPx };
  for (const match of filter.matchAll(/(opacity|blur)\(\s*([\d.]+)(%|px|em|rem)?\s*\)/g)) {
    const value = Number.parseFloat(match[2] ?? '0');
    if (match[1] === 'opacity') opacity *= match[3] === '%' ? value / 100 : value;
    else blurPx = Math.max(blurPx, match[3] === 'em' || match[3] === 'rem' ? value * 16 : value);
  }
  return { opacity, blurPx };
}

/** What the placement rules read of a box's transform matrix (a DOMMatrix, see placementOf). */
export type Placement = Pick<DOMMatrixReadOnly, 'a' | 'b' | 'c' | 'd' | 'm33' | 'm43' | 'm44'>;

/**
 * The matrix a box is drawn with: CSS Transforms 2 applies the individual `translate`, `rotate` and `scale`, in that
 * order, before `transform`. Undefined when none is set, or a value cannot be read; a percentage moves a box in its
 * own plane, which turns it nowhere and gives it no depth.
 */
export function placementOf(
  style: Pick<CSSStyleDeclaration, 'translate' | 'rotate' | 'scale' | 'transform'>,
): Placement | undefined {
  const { translate, rotate, scale, transform } = style;
  if (translate + rotate + scale + transform === 'nonenonenonenone') return undefined;
  const moved = `${translate === 'none' ? 0 : translate.replace(/-?[\d.]+%/g, '0')} 0 0`.split(' ', 3);
  // `y 180deg`, `1 1 0 45deg`, or `45deg` (about z), as the four numbers rotate3d() takes.
  const turned = (rotate.includes(' ') ? rotate : `z ${rotate === 'none' ? '0deg' : rotate}`)
    .replace(/^[xyz]/, (axis) => ({ x: '1 0 0', y: '0 1 0' })[axis] ?? '0 0 1')
    .split(' ');
  const [sx = '1', sy = sx, sz = '1'] = scale === 'none' ? [] : scale.split(' ');
  try {
    return new DOMMatrix(
      `translate3d(${moved}) rotate3d(${turned}) scale3d(${[sx, sy, sz]}) ${transform === 'none' ? '' : transform}`,
    );
  } catch {
    return undefined;
  }
}

/**
 * A back face turned to the viewer (`rotateY(180deg)` and the like): the transformed normal points away when its
 * depth component (m33) is negative. Paints nothing under `backface-visibility: hidden`.
 */
export const turnedAway = (placed: Placement) => placed.m33 < 0;

/**
 * A box moved behind the viewer: under the parent's `perspective` (or a `perspective()` in its own transform), a
 * point at or past the eye's depth gets a w of 0 or less and is not drawn.
 */
export const behindViewer = (placed: Placement, perspective: string) =>
  placed.m44 - placed.m43 / (Number.parseFloat(perspective) || Number.POSITIVE_INFINITY) <= 0;

/** Sheared so far (`skewX(85deg)`) that the box's two axes nearly meet: each glyph is drawn as a slanted streak. */
const minimumAxisSine = 0.2;

/**
 * Whether the box's axes are drawn within about 12 degrees of each other. Its area is kept (a skew's determinant is
 * 1), so the text's rectangle alone does not show it.
 */
export const shearedFlat = ({ a, b, c, d }: Placement) =>
  Math.abs(a * d - b * c) < minimumAxisSine * Math.hypot(a, b) * Math.hypot(c, d);

/**
 * How much of an element a `mask-image` lets through, at most: 0 for a mask that is empty (every gradient stop
 * transparent, or a zero `mask-size`), the strongest stop's alpha for gradients — times its lightness for a
 * `luminance` mask, where black shows nothing — and 1 for images (a url() cannot be read here, so it is taken as
 * showing everything). Composes like opacity.
 */
export function maskOpacity(maskImage: string | undefined, maskSize: string | undefined, maskMode?: string): number {
  if (!maskImage || maskImage === 'none') return 1;
  if (maskSize && /(^|[\s,])0(px|%)?(?=[\s,]|$)/.test(maskSize)) return 0;
  const stops = gradientColors(maskImage);
  if (!stops) return 1;
  // Luma of the sRGB values, as masks are composited in sRGB.
  const light = ([red, green, blue]: Rgba) =>
    maskMode === 'luminance' ? (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255 : 1;
  return stops.reduce((strongest, stop) => Math.max(strongest, stop[3] * light(stop)), 0);
}

/**
 * Whether a mask of one layer that does not repeat is placed wholly outside the box it masks (`mask-position`
 * pushed past an edge), so nothing of the box shows. Sizes in px or % of the box; `auto` fills the box for a
 * gradient, and leaves an image's unknown size undecided (not outside).
 */
export function maskOutsideBox(
  style: Pick<CSSStyleDeclaration, 'maskImage' | 'maskPosition' | 'maskRepeat' | 'maskSize'>,
  width: number,
  height: number,
): boolean {
  if (style.maskRepeat !== 'no-repeat') return false;
  const sizes = style.maskSize.split(' ');
  const positions = style.maskPosition.split(' ');
  const gradient = style.maskImage.includes('gradient(');
  const length = (value: string | undefined, extent: number) =>
    value?.endsWith('%') ? (extent * Number.parseFloat(value)) / 100 : Number.parseFloat(value ?? '');
  return [width, height].some((extent, axis) => {
    const text = sizes[axis] ?? 'auto';
    const size = text === 'auto' ? (gradient ? extent : Number.NaN) : length(text, extent);
    const offset = positions[axis];
    const start = offset?.endsWith('%') ? ((extent - size) * Number.parseFloat(offset)) / 100 : length(offset, extent);
    return start + size <= 0 || start >= extent;
  });
}

/**
 * `ancestor` holds `element` as the page draws it (the flat tree): a slotted element inside its slot, then up, across
 * shadow roots to their hosts. A component's card in its shadow tree holds the title the page slots into it.
 */
export function holds(ancestor: Element, element: Element): boolean {
  for (let current: Element | null = element; current; current = current.assignedSlot ?? parentOf(current)) {
    if (current === ancestor) return true;
  }
  return false;
}

/** Shared memoisation; subclasses say how one element hides itself or its text. */
export abstract class MemoisedVisibility implements Visibility {
  readonly #hidden = new WeakMap<Element, boolean>();
  readonly #textHidden = new WeakMap<Element, boolean>();
  /** Whether the browser's computed style is read (see hiddenByMarkup). */
  protected readonly laidOut: boolean = false;

  isHidden(element: Element): boolean {
    const known = this.#hidden.get(element);
    if (known !== undefined) return known;
    const parent = parentOf(element);
    const result =
      hiddenByMarkup(element, this.laidOut) || (parent !== null && this.isHidden(parent)) || this.hidesBox(element);
    this.#hidden.set(element, result);
    return result;
  }

  hidesText(element: Element): boolean {
    const known = this.#textHidden.get(element);
    if (known !== undefined) return known;
    const result = isClosedDetails(element) || this.unreadableText(element);
    this.#textHidden.set(element, result);
    return result;
  }

  visibleTextOf(node: Text): string {
    const parent = textOwner(node);
    if (!parent) return node.nodeValue ?? '';
    return this.hidesText(parent) ? '' : this.readableText(parent, node);
  }

  abstract isBlock(element: Element): boolean;
  protected abstract hidesBox(element: Element): boolean;
  protected abstract unreadableText(element: Element): boolean;
  /** The part of a text node of a shown element that can be read; without a layout, all of it. */
  protected readableText(_element: Element, node: Text): string {
    return node.nodeValue ?? '';
  }
}
