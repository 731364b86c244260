import { parseColor, type Rgba } from './color';
import { CachedStyle, type ComputedStyle } from './computed-style';
import { blend, gradientColors, over, unreadableAgainst } from './contrast';
import { Occlusion } from './occlusion';
import { type Box, clipOf, everywhere, intersect, isEmpty } from './rects';
import { RenderedTree } from './rendered-tree';
import {
  blockTags,
  clipsOverflow,
  clipsToNothing,
  filterEffects,
  hasOwnText,
  MemoisedVisibility,
  minimumFontPx,
  minimumOpacity,
  offscreenPx,
  parentOf,
  scaledToNothing,
  unreadableBlurPx,
} from './visibility-rules';

type Checkable = Element & { checkVisibility?: (options?: Record<string, boolean>) => boolean };

/**
 * A non-atomic inline box (a span, a link, a custom element left at its default display). Transforms, overflow
 * clipping and containment (hence `content-visibility`) do not apply to it: the values read back from its computed
 * style but change nothing on screen, so they must not hide its text (and on the 2 MB record page not reading
 * them saves one style read in seven).
 */
const isPlainInline = (style: ComputedStyle) => style.display === 'inline';

/** Whether a `display` value starts a block, by value: a page uses a handful of them, on every element rendered. */
const blockDisplays = new Map<string, boolean>();

/** `clip` applies only to absolutely positioned boxes. */
const isAbsolutelyPositioned = (style: ComputedStyle) => style.position === 'absolute' || style.position === 'fixed';

/** Rendered glyphs shorter than this (after every transform) are specks, not text. */
const minimumRenderedPx = 4;
const canvas: Rgba = [255, 255, 255, 1];

/**
 * The real browser's judge: computed style and the boxes the layout engine produced, after transforms, clipping
 * and stacking. Text is hidden when the person could not read it where it is drawn: nothing painted (display,
 * visibility, content-visibility, accumulated opacity, blur), nowhere to be seen (zero-area, clipped away by an
 * ancestor's overflow, clip or clip-path, moved outside the document), drawn unreadably (tiny, transparent,
 * the colour of what is behind it, cancelled by a blend mode) or drawn under another opaque element.
 *
 * Every answer is memoised for one capture: per element for styles, opacity, clip rectangles and backgrounds,
 * so a 2 MB page costs one computed style and at most one text-rectangle read per element.
 */
export class LayoutVisibility extends MemoisedVisibility {
  private readonly styles = new WeakMap<Element, ComputedStyle>();
  private readonly opacities = new WeakMap<Element, number>();
  private readonly clips = new WeakMap<Element, Box>();
  private readonly backgroundsOf = new WeakMap<Element, Rgba[] | null>();
  private readonly autoVisibility = new WeakMap<Element, boolean>();
  /** Whether ink is unreadable, per list of backgrounds behind it, by ink, opacity and blend mode. */
  private readonly colorVerdicts = new WeakMap<readonly Rgba[], Map<string, boolean>>();
  private readonly range: Range;
  private readonly page: Box;
  private occlusion: Occlusion | undefined;
  private rendered: RenderedTree | undefined;

  constructor(private readonly view: Window) {
    super();
    const document = view.document;
    this.range = document.createRange();
    const root = document.documentElement;
    const width = Math.max(root?.scrollWidth ?? 0, view.innerWidth);
    const height = Math.max(root?.scrollHeight ?? 0, view.innerHeight);
    // The document in viewport coordinates: anything left of or above it can never be scrolled into view.
    this.page = { left: -view.scrollX, top: -view.scrollY, right: width - view.scrollX, bottom: height - view.scrollY };
  }

  style(element: Element): ComputedStyle {
    let style = this.styles.get(element);
    if (!style) {
      style = new CachedStyle(this.view.getComputedStyle(element));
      this.styles.set(element, style);
    }
    return style;
  }

  /** The capture's one walk of what the page renders (rendered-tree.ts), made when first needed. */
  renderedTree(): RenderedTree {
    this.rendered ??= new RenderedTree(this.view.document, (element) => this.style(element));
    return this.rendered;
  }

  gatewaysOf(tree: Document | ShadowRoot): Element[] | undefined {
    return this.renderedTree().gatewaysOf(tree);
  }

  isBlock(element: Element): boolean {
    if (blockTags.has(element.localName)) return true;
    const display = this.style(element).display;
    let block = blockDisplays.get(display);
    if (block === undefined) {
      block = /^(block|flex|grid|list-item|table|flow-root)/.test(display);
      blockDisplays.set(display, block);
    }
    return block;
  }

  /** Own opacity (and `filter: opacity()`) multiplied by every ancestor's: opacity composes down the tree. */
  opacity(element: Element | null): number {
    if (!element) return 1;
    const known = this.opacities.get(element);
    if (known !== undefined) return known;
    const style = this.style(element);
    const own = Number.parseFloat(style.opacity);
    const filter = style.filter;
    const result =
      (Number.isFinite(own) ? own : 1) *
      (filter === 'none' ? 1 : filterEffects(filter).opacity) *
      this.opacity(parentOf(element));
    this.opacities.set(element, result);
    return result;
  }

  /**
   * Inside a `content-visibility: auto` subtree that is off-screen, the browser skips layout: boxes read as empty
   * although the person scrolls to the text and reads it. Geometry says nothing there, so only style decides.
   */
  private layoutSkipped(element: Element): boolean {
    if (!this.underAutoVisibility(element)) return false;
    const checkable = element as Checkable;
    return (
      typeof checkable.checkVisibility === 'function' && !checkable.checkVisibility({ contentVisibilityAuto: true })
    );
  }

  private underAutoVisibility(element: Element | null): boolean {
    if (!element) return false;
    const known = this.autoVisibility.get(element);
    if (known !== undefined) return known;
    const style = this.style(element);
    const result =
      (!isPlainInline(style) && style.contentVisibility === 'auto') || this.underAutoVisibility(parentOf(element));
    this.autoVisibility.set(element, result);
    return result;
  }

  protected hidesBox(element: Element): boolean {
    const style = this.style(element);
    // display:contents has no box of its own but its children still render.
    const display = style.display;
    if (display === 'contents') return false;
    if (display === 'none') return true;
    const inline = isPlainInline(style);
    if (!inline && style.contentVisibility === 'hidden') return true;
    // Light-DOM children of a shadow host that no slot takes are not rendered at all.
    const parent = element.parentElement as (Element & { shadowRoot?: ShadowRoot | null }) | null;
    if (parent?.shadowRoot && !(element as Element & { assignedSlot?: unknown }).assignedSlot) return true;
    if (this.opacity(element) < minimumOpacity) return true;
    const filter = style.filter;
    if (filter !== 'none' && filterEffects(filter).blurPx >= unreadableBlurPx) return true;
    if (!inline) {
      const transform = style.transform;
      if (transform !== 'none' && scaledToNothing(transform)) return true;
    }
    const clipPath = style.clipPath;
    if (clipsToNothing(isAbsolutelyPositioned(style) ? style.clip : undefined, clipPath)) return true;
    // A box that clips its overflow and is (nearly) empty after transforms and ancestors' clipping shows nothing.
    if ((!inline && (clipsOverflow(style.overflowX) || clipsOverflow(style.overflowY))) || clipPath !== 'none') {
      if (this.layoutSkipped(element)) return false;
      const visible = intersect(this.clipFor(element), element.getBoundingClientRect());
      if (isEmpty(visible, 1)) return true;
    }
    return false;
  }

  /** The rectangle (viewport coordinates) an element's own box may paint in: its ancestors' clips, intersected. */
  private clipFor(element: Element): Box {
    const style = this.style(element);
    if (style.position === 'fixed') return everywhere;
    let parent = parentOf(element);
    if (style.position === 'absolute') {
      // Absolutely positioned boxes escape the overflow clip of every ancestor below their containing block.
      while (parent && this.style(parent).position === 'static' && this.style(parent).transform === 'none')
        parent = parentOf(parent);
    }
    return parent ? this.contentClip(parent) : everywhere;
  }

  /** The rectangle the element's in-flow content may paint in. */
  private contentClip(element: Element): Box {
    const known = this.clips.get(element);
    if (known) return known;
    const inherited = this.clipFor(element);
    const root = element.ownerDocument.documentElement;
    // The root and body clip the viewport, not the document: what lies below the fold can still be scrolled to.
    const own =
      element === root || element === element.ownerDocument.body ? undefined : clipOf(this.style(element), element);
    const result = own ? intersect(inherited, own) : inherited;
    this.clips.set(element, result);
    return result;
  }

  /** What is painted behind the element: one colour, a gradient's stops, or null when it is an image. */
  private backgrounds(element: Element | null): Rgba[] | null {
    if (!element) return [canvas];
    const known = this.backgroundsOf.get(element);
    if (known !== undefined) return known;
    const style = this.style(element);
    const below = this.backgrounds(parentOf(element));
    let result: Rgba[] | null = below;
    const image = style.backgroundImage;
    if (image && image !== 'none') {
      const stops = gradientColors(image);
      result = stops && below ? stops.flatMap((stop) => below.map((under) => over(stop, under))) : null;
    } else {
      const color = parseColor(style.backgroundColor);
      if (color && color[3] > 0 && below) result = below.map((under) => over(color, under));
    }
    this.backgroundsOf.set(element, result);
    return result;
  }

  /** The colour the glyphs are painted with, or undefined when a stroke outlines them (readable whatever the fill). */
  private ink(style: ComputedStyle): Rgba | undefined {
    const stroke = Number.parseFloat(style.webkitTextStrokeWidth || '0');
    if (stroke > 0 && (parseColor(style.webkitTextStrokeColor)?.[3] ?? 1) > 0.1) return undefined;
    const fill = style.webkitTextFillColor;
    return parseColor(fill && fill !== style.color ? fill : style.color);
  }

  private unreadableColors(element: Element, style: ComputedStyle): boolean {
    const ink = this.ink(style);
    if (!ink) return false;
    const opacity = this.opacity(element);
    if (ink[3] * opacity < minimumOpacity) return true;
    const backgrounds = this.backgrounds(element);
    if (!backgrounds) return false; // text over an image: can't know, so keep it
    const mode = style.mixBlendMode;
    // Siblings and cousins share their ink and the very same background list (see backgrounds): judged once.
    let verdicts = this.colorVerdicts.get(backgrounds);
    if (!verdicts) {
      verdicts = new Map();
      this.colorVerdicts.set(backgrounds, verdicts);
    }
    const key = `${ink.join()}|${opacity}|${mode}`;
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      verdict = backgrounds.every((background) => {
        const drawn = mode && mode !== 'normal' ? blend(mode, ink, background) : ink;
        return unreadableAgainst(over(drawn, background, opacity), [background]);
      });
      verdicts.set(key, verdict);
    }
    return verdict;
  }

  /**
   * Whether any line box of the element's own text is drawn where it can be read. Stops at the first that is:
   * each text node's boxes cost the layout engine a query, and one readable line is enough.
   */
  private readableTextBox(element: Element, clip: Box): boolean {
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 3 || !/\S/.test(child.nodeValue ?? '')) continue;
      this.range.selectNodeContents(child);
      const rects = this.range.getClientRects();
      for (let index = 0; index < rects.length; index++) {
        if (this.readableWhere(element, rects[index] as DOMRect, clip)) return true;
      }
    }
    return false;
  }

  private readableWhere(element: Element, rect: DOMRect, clip: Box): boolean {
    if (rect.height < minimumRenderedPx || rect.width < 1) return false;
    const shown = intersect(intersect(clip, this.page), rect);
    // Clipped to a sliver (an sr-only 1px box, a `max-height: 0` drawer) or entirely outside the document.
    if (isEmpty(shown, 1) || shown.bottom - shown.top < Math.min(rect.height / 2, minimumRenderedPx)) return false;
    this.occlusion ??= new Occlusion(this.view.document, this, this.renderedTree().positioned);
    return !this.occlusion.covers(element, shown);
  }

  protected unreadableText(element: Element): boolean {
    if (!hasOwnText(element)) return false;
    const style = this.style(element);
    if (style.visibility !== 'visible') return true;
    if (Number.parseFloat(style.fontSize) < minimumFontPx) return true;
    if (Number.parseFloat(style.textIndent) <= -offscreenPx) return true;
    if (this.unreadableColors(element, style)) return true;
    if (this.layoutSkipped(element)) return false;
    // Text with no line box at all is not drawn (inside a closed <details>, a collapsed ruby…).
    return !this.readableTextBox(element, this.contentClip(element));
  }
}
