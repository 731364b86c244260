import { boxShadows, insetFills } from './box-shadow';
import { clipPathBox, svgClipBox } from './clip-path';
import { parseColor, type Rgba } from './color';
import { type ComputedStyle, RememberedStyle } from './computed-style';
import { blend, colorFilterOf, gradientColors, over, unreadableAgainst } from './contrast';
import { isFrame } from './frame-document';
import { GlyphInk, glyphsJudged } from './glyph-ink';
import { Occlusion } from './occlusion';
import { type Box, clipOf, contains, everywhere, intersect, isEmpty, union } from './rects';
import { RenderedTree } from './rendered-tree';
import { svgFilterOpacity } from './svg-filter';
import {
  behindViewer,
  blockTags,
  clipsOverflow,
  clipsToNothing,
  filterEffects,
  formControls,
  hasOwnText,
  holds,
  MemoisedVisibility,
  maskOpacity,
  maskOutsideBox,
  minimumFontPx,
  minimumOpacity,
  parentOf,
  placementOf,
  scaledToNothing,
  shearedFlat,
  someOwnText,
  turnedAway,
  unreadableBlurPx,
} from './visibility-rules';

/** Which layer (of a RenderedTree list) holds each element, once a page has too many layers to ask each. */
interface LayerMemo {
  members?: ReadonlySet<Element>;
  of: WeakMap<Element, Element | null>;
}

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

/** Overflow the person can scroll through: content beyond the box is reached by scrolling it. */
const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll';

/** A box that becomes the containing block of fixed descendants, which then scroll with it like absolute ones. */
const holdsFixedBoxes = (style: ComputedStyle) =>
  style.transform !== 'none' || style.filter !== 'none' || /paint|layout|strict|content/.test(style.contain);

/** `clip` applies only to absolutely positioned boxes. */
const isAbsolutelyPositioned = (style: ComputedStyle) => style.position === 'absolute' || style.position === 'fixed';

/** A line clipped narrower than this (unless it is all shown, or half of it) shows no word. */
const minimumReadableWidthPx = 12;
/** Rendered glyphs shorter than this (after every transform) are specks, not text. */
const minimumRenderedPx = 4;
/** A line-through this thick (in em) and this opaque covers the glyphs it crosses, cap height and x-height alike. */
const barEm = 0.7;
const barAlpha = 0.9;

/**
 * What the page is painted on where nothing else is: white, or the browser's dark canvas when the page asks for a
 * dark colour scheme (`color-scheme: dark`, or `light dark` for a person whose system is dark).
 */
function canvasOf(view: Window): Rgba {
  const root = view.document.documentElement;
  const schemes = root ? (view.getComputedStyle(root).colorScheme ?? '').split(/\s+/) : [];
  const dark =
    schemes.includes('dark') &&
    (!schemes.includes('light') || view.matchMedia?.('(prefers-color-scheme: dark)').matches === true);
  return dark ? [18, 18, 18, 1] : [255, 255, 255, 1];
}

/** Whether a box paints something opaque: a solid colour, or any image or gradient (which may cover the text). */
function paintsOpaque(style: ComputedStyle): boolean {
  const background = parseColor(style.backgroundColor);
  return (background !== undefined && background[3] >= 0.9) || style.backgroundImage !== 'none';
}

/**
 * Whether a box (may) start a stacking context of its own: what is painted inside it stays above its background.
 * Errs towards yes (any z-index, as on a flex or grid item; clip paths and masks), so text is kept when unsure.
 */
function startsStackingContext(style: ComputedStyle): boolean {
  return (
    style.zIndex !== 'auto' ||
    style.position === 'fixed' ||
    style.position === 'sticky' ||
    style.clipPath !== 'none' ||
    style.maskImage !== 'none' ||
    Number.parseFloat(style.opacity) < 1 ||
    style.transform !== 'none' ||
    style.filter !== 'none' ||
    style.live.isolation === 'isolate' ||
    style.mixBlendMode !== 'normal' ||
    /paint|layout|strict|content/.test(style.contain)
  );
}

/**
 * The real browser's judge: computed style and the boxes the layout engine produced, after transforms, clipping
 * and stacking. Text is hidden when the person could not read it where it is drawn: nothing painted (display,
 * visibility, content-visibility, accumulated opacity and masks, blur, a back face turned away), nowhere to be
 * seen (zero-area, clipped away by an ancestor's overflow, clip or clip-path shape, a sliver of a line, beyond
 * what scrolling the page or its scrolling boxes can reach, a frame too small to show it), drawn unreadably (tiny,
 * transparent, the colour of what is behind it after colour filters and blend modes) or drawn under another
 * opaque element (a positioned box, a pseudo-element sheet, an ancestor's background over a negative-z layer).
 *
 * Every answer is memoised for one capture: per element for styles, opacity, clip rectangles and backgrounds,
 * so a 2 MB page costs one computed style and at most one text-rectangle read per element.
 */
export class LayoutVisibility extends MemoisedVisibility {
  protected override readonly laidOut = true;
  /**
   * A Map, not a WeakMap: the rendered walk asks for every element a page renders (120,000 on a long report), and
   * a WeakMap that large costs the garbage collector about 100 ms a capture there. The capture lets go of it.
   */
  readonly #styles = new Map<Element, ComputedStyle>();
  /** Each text node's line boxes (see linesOf): the element's verdict and the node's own share one query. */
  readonly #lines = new WeakMap<Text, Box[]>();
  /** What can be read of each text node asked about (see readableText). */
  readonly #readLines = new WeakMap<Text, string>();
  /** The part of a line the last readableWhere found shown. */
  #lastShown: Box = everywhere;
  readonly #opacities = new WeakMap<Element, number>();
  readonly #clips = new WeakMap<Element, Box>();
  /** Per table, the columns its `<col>`s collapse. */
  readonly #collapsedColumns = new WeakMap<Element, Set<number>>();
  /** Content clips made by a scrolling box (see scrollRegion), and those derived from them. */
  readonly #scrolledClips = new WeakSet<Box>();
  readonly #backgroundsOf = new WeakMap<Element, Rgba[] | null>();
  readonly #autoVisibility = new WeakMap<Element, Element | null>();
  /** The colour filters (brightness, invert…) applied to what an element paints, its own and its ancestors'. */
  readonly #colorFilters = new WeakMap<Element, (color: Rgba) => Rgba>();
  readonly #fixedLayerOf: LayerMemo = { of: new WeakMap() };
  readonly #negativeLayerOf: LayerMemo = { of: new WeakMap() };
  /** Per fixed box: whether it is placed in the viewport (see fixedToViewport). */
  readonly #fixedPlacement = new Map<Element, boolean>();
  /** Whether ink is unreadable, per list of backgrounds behind it, by ink, opacity and blend mode. */
  readonly #colorVerdicts = new WeakMap<readonly Rgba[], Map<string, boolean>>();
  readonly #range: Range;
  readonly #page: Box;
  /** The viewport, in its own coordinates: where fixed boxes are, whatever the scroll position. */
  readonly #viewport: Box;
  readonly #canvas: Rgba;
  /** The root (or the body, whose value the viewport takes when the root's is visible) hides sideways overflow. */
  readonly #pageClipsSideways: boolean;
  #occlusion: Occlusion | undefined;
  #rendered: RenderedTree | undefined;
  #glyphs: GlyphInk | undefined;

  readonly #view: Window;

  constructor(view: Window) {
    super();
    this.#view = view;
    const document = view.document;
    this.#range = document.createRange();
    const root = document.documentElement;
    const width = Math.max(root?.scrollWidth ?? 0, view.innerWidth);
    const height = Math.max(root?.scrollHeight ?? 0, view.innerHeight);
    // The document in viewport coordinates: anything left of or above it can never be scrolled into view.
    this.#page = {
      left: -view.scrollX,
      top: -view.scrollY,
      right: width - view.scrollX,
      bottom: height - view.scrollY,
    };
    this.#viewport = { left: 0, top: 0, right: view.innerWidth, bottom: view.innerHeight };
    this.#canvas = canvasOf(view);
    const rootOverflow = root ? this.style(root).overflowX : 'visible';
    const body = document.body;
    const viewportOverflow = rootOverflow === 'visible' && body ? this.style(body).overflowX : rootOverflow;
    this.#pageClipsSideways = viewportOverflow === 'hidden' || viewportOverflow === 'clip';
  }

  style(element: Element): ComputedStyle {
    let style = this.#styles.get(element);
    if (!style) {
      style = new RememberedStyle(this.#view.getComputedStyle(element));
      this.#styles.set(element, style);
    }
    return style;
  }

  /** The capture's one walk of what the page renders (rendered-tree.ts), made when first needed. */
  renderedTree(): RenderedTree {
    this.#rendered ??= new RenderedTree(this.#view.document, (element) => this.style(element));
    return this.#rendered;
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

  /**
   * Own opacity (and `filter: opacity()`, and a mask) multiplied by every ancestor's: opacity composes down the
   * tree. The colour filters on the way are composed here too (see colorFilters), as both read `filter`.
   */
  opacity(element: Element | null): number {
    if (!element) return 1;
    const known = this.#opacities.get(element);
    if (known !== undefined) return known;
    const parent = parentOf(element);
    const inherited = this.opacity(parent);
    const style = this.style(element);
    // `display: contents` leaves no box for opacity, a filter or a mask to apply to.
    const box = style.display !== 'contents';
    const own = box ? Number.parseFloat(style.opacity) : 1;
    const filter = box ? style.filter : 'none';
    const outer = parent ? this.#colorFilters.get(parent) : undefined;
    let filterOpacity = 1;
    let paint = outer;
    if (filter !== 'none') {
      filterOpacity = filterEffects(filter).opacity * (filter.includes('url(') ? svgFilterOpacity(element, filter) : 1);
      // The element's own filter acts first, then each ancestor's on the result.
      const effect = colorFilterOf(filter);
      if (effect) paint = outer ? (color: Rgba) => outer(effect(color)) : effect;
    }
    if (paint) this.#colorFilters.set(element, paint);
    const mask = box ? style.maskImage : 'none';
    const result =
      (Number.isFinite(own) ? own : 1) *
      filterOpacity *
      (mask === 'none' ? 1 : this.#maskOpacity(element, style)) *
      inherited;
    this.#opacities.set(element, result);
    return result;
  }

  /** What a mask lets through: its colours, or nothing when it is placed outside the box (its layout size). */
  #maskOpacity(element: Element, style: ComputedStyle): number {
    const html = element as HTMLElement;
    return maskOutsideBox(style.live, html.offsetWidth, html.offsetHeight)
      ? 0
      : maskOpacity(style.maskImage, style.live.maskSize, style.live.maskMode);
  }

  /**
   * Inside a `content-visibility: auto` subtree that is off-screen, the browser skips rendering until the person
   * scrolls there. Asked for geometry, it lays the subtree out (boxes, clips and text rectangles are real), but the
   * skipped block keeps its placeholder size, so the document's own extent says nothing of where that text ends up:
   * its bottom and right edges are not a bound there (see pageFor). Every other rule applies, so a subtree marked
   * `content-visibility: auto` is no place to hide text in.
   *
   * Answers the block whose skipped rendering holds the element, if any: its content may overlap the next blocks
   * on paper, so occlusion only compares boxes of the same skipped block.
   */
  skippedBlockOf(element: Element): Element | undefined {
    const block = this.#autoVisibilityBlock(element);
    if (!block) return undefined;
    const checkable = element as Checkable;
    const skipped =
      typeof checkable.checkVisibility === 'function' && !checkable.checkVisibility({ contentVisibilityAuto: true });
    return skipped ? block : undefined;
  }

  /** The nearest ancestor-or-self with `content-visibility: auto`, or null. */
  #autoVisibilityBlock(element: Element | null): Element | null {
    if (!element) return null;
    const known = this.#autoVisibility.get(element);
    if (known !== undefined) return known;
    const style = this.style(element);
    const result =
      !isPlainInline(style) && style.contentVisibility === 'auto'
        ? element
        : this.#autoVisibilityBlock(parentOf(element));
    this.#autoVisibility.set(element, result);
    return result;
  }

  /**
   * A cell of a column collapsed by its `<col>` (`visibility: collapse`): the column is taken out of the table, but
   * the cell's own style still says visible. Columns are counted by the cells' spans (a row span above is not).
   */
  /**
   * The part of a `<details>` beside its summary is drawn in its `::details-content` box, which is no ancestor of
   * that content: its opacity, visibility or display are read there.
   */
  #detailsContentHidden(details: Element): boolean {
    const style = this.#view.getComputedStyle(details, '::details-content');
    // A browser without the pseudo-element answers an empty style: nothing is hidden by it.
    return (
      !!style.display &&
      (Number.parseFloat(style.opacity) < minimumOpacity ||
        style.visibility !== 'visible' ||
        style.display === 'none' ||
        style.contentVisibility === 'hidden')
    );
  }

  #inCollapsedColumn(cell: Element): boolean {
    const table = cell.closest('table');
    if (!table) return false;
    // Asked of every cell: the table's <col>s are read once per table.
    let collapsed = this.#collapsedColumns.get(table);
    if (!collapsed) {
      collapsed = new Set();
      let column = 0;
      for (const col of table.querySelectorAll('col')) {
        const span = (col as HTMLTableColElement).span || 1;
        if (this.style(col).visibility === 'collapse') for (let i = 0; i < span; i++) collapsed.add(column + i);
        column += span;
      }
      this.#collapsedColumns.set(table, collapsed);
    }
    if (collapsed.size === 0) return false;
    let column = 0;
    for (let before = cell.previousElementSibling; before; before = before.previousElementSibling)
      column += (before as HTMLTableCellElement).colSpan || 1;
    return collapsed.has(column);
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
    if (display === 'table-cell' && this.#inCollapsedColumn(element)) return true;
    const holder = element.parentElement;
    if (holder?.localName === 'details' && element.localName !== 'summary' && this.#detailsContentHidden(holder))
      return true;
    const filter = style.filter;
    if (filter !== 'none' && filterEffects(filter).blurPx >= unreadableBlurPx) return true;
    if (!inline) {
      const transform = style.transform;
      if (transform !== 'none' && scaledToNothing(transform)) return true;
      // Facing and depth matter only where the back face is not drawn or a perspective projects the box.
      const parent = parentOf(element);
      const perspective = parent ? this.style(parent).perspective : 'none';
      const backHidden = style.backfaceVisibility === 'hidden';
      const placed = transform !== 'none' || backHidden || perspective !== 'none' ? placementOf(style.live) : undefined;
      if (placed && (shearedFlat(placed) || (backHidden && turnedAway(placed)) || behindViewer(placed, perspective)))
        return true;
    }
    const clipPath = style.clipPath;
    // clip-path shapes are measured below (a first-value test would hide the half an inset leaves).
    if (clipsToNothing(isAbsolutelyPositioned(style) ? style.clip : undefined, undefined)) return true;
    // A frame shows its page only through its own box: too small or off the page, it shows none of it.
    const frame = isFrame(element);
    // A box that clips its overflow or its shape and is (nearly) empty after transforms and ancestors' clipping
    // shows nothing.
    if (
      frame ||
      (!inline && (clipsOverflow(style.overflowX) || clipsOverflow(style.overflowY))) ||
      clipPath !== 'none'
    ) {
      const box = element.getBoundingClientRect();
      let visible = intersect(this.clipFor(element), box);
      const shape = clipPath === 'none' ? undefined : this.#shapeClip(element, clipPath, box);
      if (shape) visible = intersect(visible, shape);
      if (frame && isEmpty(intersect(visible, this.#pageFor(element)), minimumRenderedPx)) return true;
      if (isEmpty(visible, 1)) return true;
    }
    return false;
  }

  /** The region a `clip-path` shape leaves of a box, in viewport coordinates (see clip-path.ts). */
  #shapeClip(element: Element, clipPath: string, box: DOMRect): Box | undefined {
    const shape = clipPath.startsWith('url(')
      ? svgClipBox(element, clipPath, box)
      : clipPathBox(clipPath, box.width, box.height);
    if (!shape) return undefined;
    return {
      left: box.left + shape.left,
      top: box.top + shape.top,
      right: box.left + shape.right,
      bottom: box.top + shape.bottom,
    };
  }

  /** The rectangle (viewport coordinates) an element's own box may paint in: its ancestors' clips, intersected. */
  clipFor(element: Element): Box {
    const style = this.style(element);
    if (style.position === 'fixed') return everywhere;
    let parent = parentOf(element);
    if (style.position === 'absolute') {
      // Absolutely positioned boxes escape the overflow clip of every ancestor below their containing block (a
      // positioned box, or one with a transform, filter or containment).
      while (parent && this.style(parent).position === 'static' && !holdsFixedBoxes(this.style(parent)))
        parent = parentOf(parent);
    }
    return parent ? this.#contentClip(parent) : everywhere;
  }

  /** The rectangle the element's in-flow content may paint in. */
  #contentClip(element: Element): Box {
    const known = this.#clips.get(element);
    if (known) return known;
    const inherited = this.clipFor(element);
    const root = element.ownerDocument.documentElement;
    // The root and body clip the viewport, not the document: what lies below the fold can still be scrolled to.
    const style = this.style(element);
    const page = element === root || element === element.ownerDocument.body;
    // A box may scroll one way and clip the other (overflow-x: hidden, overflow-y: auto, as app panes do): what it
    // scrolls into view along one axis, cut to its box along the other.
    const scroll = page ? undefined : this.#scrollRegion(element, style, inherited);
    const own = page ? undefined : clipOf(style, element);
    let result = scroll ?? inherited;
    if (own) result = intersect(result, own);
    // A clip-path shape clips everything the element paints, its text included.
    const clipPath = style.clipPath;
    if (clipPath !== 'none' && style.display !== 'contents') {
      const shape = this.#shapeClip(element, clipPath, element.getBoundingClientRect());
      if (shape) result = intersect(result, shape);
    }
    if (result !== inherited && (scroll || this.#scrolledClips.has(inherited))) this.#scrolledClips.add(result);
    this.#clips.set(element, result);
    return result;
  }

  /**
   * The content clip of a box that scrolls its overflow (auto, scroll): what the person can bring into its window by
   * scrolling it — its whole scrollable area, wherever that lies on the page, or nothing when the window itself is
   * out of sight. Content above or before the scroll origin is never reached. Clips made this way are remembered
   * (scrolledClips): the document's own extent is no bound for the text inside them.
   */
  #scrollRegion(element: Element, style: ComputedStyle, inherited: Box): Box | undefined {
    if (isPlainInline(style) || style.display === 'contents') return undefined;
    const x = scrolls(style.overflowX);
    const y = scrolls(style.overflowY);
    if (!x && !y) return undefined;
    const box = element.getBoundingClientRect();
    const window = intersect(intersect(inherited, box), this.#scrolledClips.has(inherited) ? everywhere : this.#page);
    if (isEmpty(window, 1)) return { left: 0, top: 0, right: 0, bottom: 0 };
    // A box that starts at its end (right-to-left text, a reversed flex box: the chat pane that opens on its latest
    // message) scrolls back from 0 into negative positions; its content starts that far before the window.
    const flow = style.display.includes('flex') ? style.live.flexDirection : 'row';
    const fromEndX = style.live.direction === 'rtl' || flow === 'row-reverse';
    const fromEndY = flow === 'column-reverse';
    const scrolledX = element.scrollLeft + (fromEndX ? element.scrollWidth - element.clientWidth : 0);
    const scrolledY = element.scrollTop + (fromEndY ? element.scrollHeight - element.clientHeight : 0);
    const left = box.left + element.clientLeft - scrolledX;
    const top = box.top + element.clientTop - scrolledY;
    const region = {
      left: x ? left : inherited.left,
      right: x ? left + element.scrollWidth : inherited.right,
      top: y ? top : inherited.top,
      bottom: y ? top + element.scrollHeight : inherited.bottom,
    };
    this.#scrolledClips.add(region);
    return region;
  }

  /** What is painted behind the element: one colour, a gradient's stops, or null when it is an image. */
  #backgrounds(element: Element | null): Rgba[] | null {
    if (!element) return [this.#canvas];
    const known = this.#backgroundsOf.get(element);
    if (known !== undefined) return known;
    const style = this.style(element);
    const below = this.#backgrounds(parentOf(element));
    let result: Rgba[] | null = below;
    // Painted through the element's colour filters (opacity() has composed them, ancestors first).
    this.opacity(element);
    const paint = this.#colorFilters.get(element);
    const painted = (color: Rgba) => (paint ? paint(color) : color);
    // `background-clip: text` paints the background inside the glyphs only (gradient text): nothing behind the text
    // changes. Asked last, so an element with no background of its own costs no read of it.
    const image = style.backgroundImage;
    if (image && image !== 'none') {
      if (style.backgroundClip !== 'text') {
        // A gradient is painted over the element's own background colour (a dark surface with a faint sheen).
        const color = parseColor(style.backgroundColor);
        const base = color && color[3] > 0 && below ? below.map((under) => over(painted(color), under)) : below;
        const stops = gradientColors(image);
        result = stops && base ? stops.flatMap((stop) => base.map((under) => over(painted(stop), under))) : null;
      }
    } else {
      const color = parseColor(style.backgroundColor);
      if (color && color[3] > 0 && below && style.backgroundClip !== 'text')
        result = below.map((under) => over(painted(color), under));
    }
    // An inset shadow is painted over the background and under the content: one that leaves no hole fills the box.
    const html = element as HTMLElement;
    for (const shadow of style.display === 'inline' ? [] : boxShadows(style.boxShadow))
      if (result && insetFills(shadow, html.clientWidth, html.clientHeight))
        result = result.map((under) => over(painted(shadow.color), under));
    this.#backgroundsOf.set(element, result);
    return result;
  }

  /**
   * The colour the glyphs are filled with. `-webkit-text-fill-color` resolves to the text colour when it is not set,
   * so one read gives the fill either way (`color` answers only where the property is unknown). Transparent glyphs
   * drawn by their shadow (`text-shadow: 0 0 0 #000`) read in the shadow's colour, unless it is blurred so wide
   * (a radius twice the blur filter's, which is a standard deviation) that it smears them, or cast an em or more
   * away, where nothing is read beside the text.
   */
  #fill(style: ComputedStyle): Rgba | undefined {
    const glyphs = parseColor(style.webkitTextFillColor || style.color);
    if (!glyphs || glyphs[3] >= minimumOpacity) return glyphs;
    for (const shadow of boxShadows(style.live.textShadow))
      if (
        shadow.color[3] >= minimumOpacity &&
        shadow.blur < 2 * unreadableBlurPx &&
        Math.abs(shadow.x) + Math.abs(shadow.y) < Number.parseFloat(style.fontSize)
      )
        return shadow.color;
    return glyphs;
  }

  /**
   * A line-through drawn as a bar over the glyphs (the redaction look): solid, opaque and nearly as thick as the
   * glyphs are tall, whatever its colour, set on the element or on the ancestor it reaches the text from. Chromium
   * says which decorations reach an element (`-webkit-text-decorations-in-effect`, none past an inline block or a
   * box out of flow): almost always no line-through, and then no ancestor is read.
   */
  #barredOver(element: Element): boolean {
    for (let current: Element | null = element; current; current = parentOf(current)) {
      const style = this.style(current);
      if (!style.webkitTextDecorationsInEffect?.includes('line-through')) return false;
      // The computed shorthand leaves out what is the default: a solid line, in the text's colour.
      const decoration = style.live.textDecoration;
      if (decoration.includes('line-through') && !/dotted|dashed|wavy|double/.test(decoration)) {
        const size = Number.parseFloat(style.fontSize);
        const [, thickness = '', unit] = decoration.match(/ ([\d.]+)(px|%)/) ?? [];
        const color = parseColor(decoration.match(/\w+\(.*\)/)?.[0] ?? style.color);
        if (
          Number.parseFloat(thickness) * (unit === '%' ? size / 100 : 1) >= barEm * size &&
          color &&
          color[3] >= barAlpha
        )
          return true;
      }
    }
    return false;
  }

  /**
   * The outline `-webkit-text-stroke` draws around the glyphs, when it shows: the text reads when either its fill
   * or its outline stands out, or by its outline alone when that covers the fill.
   */
  #stroke(style: ComputedStyle): Rgba | undefined {
    if (!(Number.parseFloat(style.webkitTextStrokeWidth || '0') > 0)) return undefined;
    const stroke = parseColor(style.live.webkitTextStrokeColor);
    return stroke && stroke[3] >= minimumOpacity ? stroke : undefined;
  }

  #unreadableColors(element: Element, style: ComputedStyle): boolean {
    const fill = this.#fill(style);
    if (!fill) return false;
    const stroke = this.#stroke(style);
    // An outline a fifth of the text's size wide paints over the glyphs' fill: only the outline shows.
    if (stroke && Number.parseFloat(style.webkitTextStrokeWidth) * 5 >= Number.parseFloat(style.fontSize))
      return this.#unreadableInk(element, style, stroke);
    const unreadable =
      fill[3] < minimumOpacity && style.backgroundClip === 'text'
        ? this.#unreadableClippedPaint(element, style)
        : this.#unreadableInk(element, style, fill);
    return unreadable && (!stroke || this.#unreadableInk(element, style, stroke));
  }

  /** Whether glyphs drawn in `glyphs` are lost in what is painted behind the element. */
  #unreadableInk(element: Element, style: ComputedStyle, glyphs: Rgba): boolean {
    const opacity = this.opacity(element);
    const paint = this.#colorFilters.get(element);
    const ink = paint ? paint(glyphs) : glyphs;
    if (ink[3] * opacity < minimumOpacity) return true;
    const backgrounds = this.#backgrounds(element);
    if (!backgrounds) return false; // text over an image: can't know, so keep it
    const mode = style.mixBlendMode;
    // Siblings and cousins share their ink and the very same background list (see backgrounds): judged once.
    let verdicts = this.#colorVerdicts.get(backgrounds);
    if (!verdicts) {
      verdicts = new Map();
      this.#colorVerdicts.set(backgrounds, verdicts);
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
   * Transparent glyphs filled with the element's own background (`background-clip: text`): readable when some of
   * that paint stands out from what is behind the element. An image fill cannot be judged, so it is kept.
   */
  #unreadableClippedPaint(element: Element, style: ComputedStyle): boolean {
    const image = style.backgroundImage;
    const own = parseColor(style.backgroundColor);
    const paints = image !== 'none' ? gradientColors(image) : own ? [own] : [];
    if (!paints) return false;
    const behind = this.#backgrounds(parentOf(element));
    if (!behind) return false;
    const opacity = this.opacity(element);
    const filter = this.#colorFilters.get(element);
    return paints.every((fill) => {
      const drawn = filter ? filter(fill) : fill;
      return behind.every((background) => unreadableAgainst(over(drawn, background, opacity), [background]));
    });
  }

  /**
   * Whether any line box of the element's own text is drawn where it can be read. Stops at the first that is:
   * each text node's boxes cost the layout engine a query, and one readable line is enough.
   */
  #readableTextBox(element: Element, clip: Box): boolean {
    return someOwnText(element, (text) => {
      if (!/\S/.test(text.nodeValue ?? '')) return false;
      const lines = this.#linesOf(text);
      for (const line of lines) {
        if (!this.#readableWhere(element, line, clip)) continue;
        // A text of one line (a label, a cell, a value) shown whole is read whole: readableText need not ask again.
        if (lines.length === 1 && contains(this.#lastShown, line)) this.#readLines.set(text, text.nodeValue ?? '');
        return true;
      }
      return false;
    });
  }

  /** A text node's line boxes, as plain boxes: each side of a DOMRect is a call into the browser. */
  #linesOf(node: Text): Box[] {
    let lines = this.#lines.get(node);
    if (!lines) {
      this.#range.selectNodeContents(node);
      const rects = this.#range.getClientRects();
      lines = [];
      for (let index = 0; index < rects.length; index++) {
        const { left, top, right, bottom } = rects[index] as DOMRect;
        lines.push({ left, top, right, bottom });
      }
      this.#lines.set(node, lines);
    }
    return lines;
  }

  /**
   * What can be read of one text node of an element whose text shows. Nearly always all of it: its lines lie inside
   * what clips them, which costs one comparison. A box that clips its overflow may show a text's first lines and
   * hide the rest (a fixed height, a line clamp, a line after a <br>): then only the lines that can be read are
   * kept, cut where the first line of each hidden run starts.
   */
  protected override readableText(element: Element, node: Text): string {
    const text = node.nodeValue ?? '';
    if (!/\S/.test(text)) return text; // spacing between elements: nothing to read, nothing to measure
    let read = this.#readLines.get(node);
    if (read === undefined) {
      read = this.#readableOf(element, node);
      this.#readLines.set(node, read);
    }
    return this.#drawn(element, read);
  }

  /**
   * What of `text` the element's font draws (glyph-ink.ts): all of it, unless the page is being read again because a
   * face it loaded draws nothing for some character the first reading kept.
   */
  #drawn(element: Element, text: string): string {
    if (!glyphsJudged() || !text) return text;
    this.#glyphs ??= new GlyphInk(this.#view.document);
    if (!this.#glyphs.any) return text;
    const { fontFamily, fontStyle, fontWeight } = this.style(element).live;
    if (!this.#glyphs.inWebFont(fontFamily)) return text;
    return this.#glyphs.drawn(text, `${fontStyle} ${fontWeight} 50px ${fontFamily}`);
  }

  #readableOf(element: Element, node: Text): string {
    const text = node.nodeValue ?? '';
    const lines = this.#linesOf(node);
    if (lines.length === 0) return text;
    const clip = this.#contentClip(element);
    let all = lines[0] as Box;
    for (const line of lines) all = union(all, line);
    const region = this.#regionFor(element, all, clip);
    if (contains(region, all)) return text;
    const readable = lines.map((line) => this.#readableWhere(element, line, clip));
    if (!readable.includes(true)) return '';
    if (lines.every((line) => Math.abs(line.top - all.top) < 1)) {
      // One line cut by its box's sides (no wrapping; `text-overflow: ellipsis` adds a box for the part before the
      // ellipsis): the characters that show.
      const shown = intersect(region, all);
      const cut = shown.left > all.left + 1 || shown.right < all.right - 1;
      return cut && !this.#endsInEllipsis(element) ? this.#charactersWithin(node, shown) : text;
    }
    return readable.every(Boolean) ? text : this.#readableLines(node, lines, readable);
  }

  /**
   * An ellipsis (`text-overflow`, set on the block that clips) tells the person the text goes on, and the rest is a
   * hover or a click away (a truncated cell of a list): such a line is kept whole.
   */
  #endsInEllipsis(element: Element): boolean {
    let block: Element | null = element;
    while (block && isPlainInline(this.style(block))) block = parentOf(block);
    return !!block && this.style(block).live.textOverflow === 'ellipsis';
  }

  /** A character's box, or undefined for one that has none (a collapsed space). */
  #boxAt(node: Text, offset: number): DOMRect | undefined {
    this.#range.setStart(node, offset);
    this.#range.setEnd(node, offset + 1);
    const box = this.#range.getBoundingClientRect();
    return box.width > 0 && box.height > 0 ? box : undefined;
  }

  /**
   * The first character from `low` whose box satisfies `past` (which holds from some character on: characters are
   * laid out in order), by bisection; characters without a box are skipped.
   */
  #firstWhere(node: Text, low: number, past: (box: DOMRect) => boolean): number {
    let high = node.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      let at = middle;
      let box = this.#boxAt(node, at);
      while (!box && at + 1 < high) box = this.#boxAt(node, ++at);
      if (!box || past(box)) high = middle;
      else low = at + 1;
    }
    return low;
  }

  /** The characters of a one-line text whose boxes lie within `shown`, left to right or right to left. */
  #charactersWithin(node: Text, shown: Box): string {
    // Which way the characters run: from the first character with a box to the last (spaces at the ends have none).
    let from = 0;
    let to = node.length - 1;
    let first = this.#boxAt(node, from);
    let last = this.#boxAt(node, to);
    while (!first && from < to) first = this.#boxAt(node, ++from);
    while (!last && to > from) last = this.#boxAt(node, --to);
    const leftToRight = !first || !last || first.left <= last.left;
    const start = this.#firstWhere(node, 0, (box) =>
      leftToRight ? box.right > shown.left + 1 : box.left < shown.right - 1,
    );
    const end = this.#firstWhere(node, start, (box) =>
      leftToRight ? box.left >= shown.right - 1 : box.right <= shown.left + 1,
    );
    return (node.nodeValue ?? '').slice(start, end);
  }

  /**
   * The text of a node's readable lines. Lines (a line broken by right-to-left text has several boxes at one height)
   * are read top to bottom; where readability changes, the first character of that line is found by bisection
   * on the characters' boxes, so a long text costs a few queries per change, not one per character.
   */
  #readableLines(node: Text, lines: Box[], readable: boolean[]): string {
    const text = node.nodeValue ?? '';
    const order = lines.map((_, index) => index).sort((a, b) => (lines[a] as Box).top - (lines[b] as Box).top);
    // Runs of lines that are all readable or all not, each with the top of its first line.
    const runs: { top: number; readable: boolean }[] = [];
    let rowTop = Number.NaN;
    for (const index of order) {
      const { top } = lines[index] as Box;
      const last = runs[runs.length - 1];
      if (last && Math.abs(top - rowTop) < 1) last.readable ||= readable[index] === true;
      else if (last && last.readable === readable[index]) rowTop = top;
      else {
        runs.push({ top, readable: readable[index] === true });
        rowTop = top;
      }
    }
    let kept = '';
    let start = 0;
    runs.forEach((run, index) => {
      const next = runs[index + 1];
      const end = next ? this.#firstWhere(node, start, (box) => box.top >= next.top - 1) : text.length;
      if (run.readable) kept += `${text.slice(start, end)} `;
      start = end;
    });
    return kept.trimEnd();
  }

  /**
   * Where text at `rect` can show: its clip and, inside a scrolling box, nothing more (the box's scrollable area is
   * the clip); elsewhere also the page or, for a fixed box, the viewport (see areaFor).
   */
  #regionFor(element: Element, rect: Box, clip: Box): Box {
    return this.#scrolledClips.has(clip) ? clip : intersect(clip, this.#areaFor(element, rect));
  }

  #readableWhere(element: Element, rect: Box, clip: Box): boolean {
    const width = rect.right - rect.left;
    const height = rect.bottom - rect.top;
    if (height < minimumRenderedPx || width < 1) return false;
    const shown = intersect(this.#regionFor(element, rect, clip), rect);
    this.#lastShown = shown;
    // Clipped to a sliver (an sr-only 1px box, a `max-height: 0` drawer) or entirely outside the document.
    if (isEmpty(shown, 1) || shown.bottom - shown.top < Math.min(height / 2, minimumRenderedPx)) return false;
    // A sliver of a line (a few pixels of a long word in a narrow clipped box) is not reading it.
    if (shown.right - shown.left < Math.min(width / 2, minimumReadableWidthPx)) return false;
    if (this.#underAncestorBackground(element, shown)) return false;
    return !this.#occlusionOf().covers(element, shown);
  }

  /** Where the person can scroll to: the document, open below and to the right inside a skipped subtree. */
  #pageFor(element: Element): Box {
    if (!this.skippedBlockOf(element)) return this.#page;
    return { left: this.#page.left, top: this.#page.top, right: Infinity, bottom: Infinity };
  }

  /**
   * Where text can be brought on screen: the document (see pageFor) or, for text in a fixed box, the viewport — no
   * scrolling of the page moves a fixed box — except along an axis a box on the way scrolls itself (a fixed drawer
   * with its own scroll bar), and for a fixed box inside a transformed one, which scrolls with the page after all.
   */
  #areaFor(element: Element, rect: Box): Box {
    const viewport = this.#viewport;
    const layer = this.#layerHolding(element, this.renderedTree().fixedLayers, this.#fixedLayerOf);
    if (!layer || !this.#fixedToViewport(layer)) {
      const page = this.#pageFor(element);
      // A page that cannot be scrolled sideways (overflow-x hidden on the root or body) never shows what lies beyond
      // the viewport's sides, unless a box on the way scrolls sideways itself (a wide table in its own scroller).
      const beyondSides = rect.left < viewport.left || rect.right > viewport.right;
      if (!beyondSides || !this.#pageClipsSideways || this.#scrollAxes(element).x) return page;
      return { ...page, left: Math.max(page.left, viewport.left), right: Math.min(page.right, viewport.right) };
    }
    const { x: scrollsX, y: scrollsY } = this.#scrollAxes(element, layer);
    return {
      left: scrollsX ? -Infinity : viewport.left,
      right: scrollsX ? Infinity : viewport.right,
      top: scrollsY ? -Infinity : viewport.top,
      bottom: scrollsY ? Infinity : viewport.bottom,
    };
  }

  /** Whether a box from the element up to `until` (or the root) scrolls its overflow, per axis. */
  #scrollAxes(element: Element, until?: Element): { x: boolean; y: boolean } {
    let x = false;
    let y = false;
    for (let current: Element | null = element; current; current = parentOf(current)) {
      const style = this.style(current);
      if (!isPlainInline(style)) {
        x ||= scrolls(style.overflowX);
        y ||= scrolls(style.overflowY);
      }
      if (current === until) break;
    }
    return { x, y };
  }

  /** A fixed box is placed in the viewport unless an ancestor takes it in (transform, filter, containment). */
  #fixedToViewport(layer: Element): boolean {
    let known = this.#fixedPlacement.get(layer);
    if (known === undefined) {
      known = true;
      for (let ancestor = parentOf(layer); ancestor; ancestor = parentOf(ancestor)) {
        if (holdsFixedBoxes(this.style(ancestor))) {
          known = false;
          break;
        }
      }
      this.#fixedPlacement.set(layer, known);
    }
    return known;
  }

  /**
   * Text in a layer with a negative z-index is painted before the backgrounds of the boxes around it (up to the box
   * that starts its stacking context): an opaque one over the text hides it, whatever the scroll position.
   */
  #underAncestorBackground(element: Element, shown: Box): boolean {
    const layer = this.#layerHolding(element, this.renderedTree().negativeLayers, this.#negativeLayerOf);
    if (!layer) return false;
    const document = element.ownerDocument;
    for (let ancestor = parentOf(layer); ancestor; ancestor = parentOf(ancestor)) {
      // The root always starts a stacking context; the body's background is painted on the canvas, below all.
      if (ancestor === document.documentElement || ancestor === document.body) break;
      const style = this.style(ancestor);
      if (startsStackingContext(style)) break;
      if (paintsOpaque(style) && contains(ancestor.getBoundingClientRect(), shown)) return true;
    }
    return false;
  }

  /**
   * The nearest of `layers` holding the element (itself included). A handful are each asked directly; a page with
   * many (thousands of fixed or negative-z boxes would make that quadratic) is answered by one memoised walk up.
   */
  #layerHolding(element: Element, layers: readonly Element[], memo: LayerMemo): Element | undefined {
    if (layers.length === 0) return undefined;
    if (layers.length <= 8) {
      let nearest: Element | undefined;
      for (const layer of layers) if (holds(layer, element) && (!nearest || holds(nearest, layer))) nearest = layer;
      return nearest;
    }
    memo.members ??= new Set(layers);
    return this.#nearestMember(element, memo) ?? undefined;
  }

  #nearestMember(element: Element, memo: LayerMemo): Element | null {
    const known = memo.of.get(element);
    if (known !== undefined) return known;
    const parent = parentOf(element);
    const result = memo.members?.has(element) ? element : parent ? this.#nearestMember(parent, memo) : null;
    memo.of.set(element, result);
    return result;
  }

  #occlusionOf(): Occlusion {
    const tree = this.renderedTree();
    this.#occlusion ??= new Occlusion(this.#view.document, this, tree);
    return this.#occlusion;
  }

  /**
   * Text unreadable on its ancestors' backgrounds may be drawn on something else: a positioned box laid under it
   * (see Occlusion.backdropUnder). Asked only of text the colours would hide; when any positioned ancestor paints a
   * background of its own, which of the two is on top is not guessed, and the text stays hidden.
   */
  #readableOnBackdrop(element: Element, style: ComputedStyle): boolean {
    for (let ancestor: Element | null = element; ancestor; ancestor = parentOf(ancestor)) {
      const ancestorStyle = this.style(ancestor);
      if (ancestorStyle.position !== 'static' && paintsOpaque(ancestorStyle)) return false;
    }
    const fill = this.#fill(style);
    if (!fill) return true;
    let rect: DOMRect | undefined;
    someOwnText(element, (text) => {
      if (!/\S/.test(text.nodeValue ?? '')) return false;
      this.#range.selectNodeContents(text);
      rect = this.#range.getClientRects()[0];
      return rect !== undefined;
    });
    if (!rect) return false;
    const behind = this.#backgrounds(element);
    const onCanvas = behind?.length === 1 && behind[0] === this.#canvas;
    const backdrop = this.#occlusionOf().backdropUnder(element, rect, onCanvas);
    if (!backdrop) return false;
    const paint = this.#colorFilters.get(element);
    const opacity = this.opacity(element);
    const readable = (glyphs: Rgba) => {
      const ink = paint ? paint(glyphs) : glyphs;
      return !unreadableAgainst(over(ink, backdrop, opacity), [backdrop]);
    };
    if (readable(fill)) return true;
    const stroke = this.#stroke(style);
    return stroke !== undefined && readable(stroke);
  }

  /** A field's value in a font that draws none of it. */
  #valueUndrawn(control: Element): boolean {
    const value = (control as HTMLInputElement).value;
    return typeof value === 'string' && /\S/.test(value) && !/\S/.test(this.#drawn(control, value));
  }

  /**
   * A text area that cannot scroll (overflow hidden) and holds more than its box shows hides the rest: which lines
   * show is not worked out, so none of its value is read. One that scrolls shows all of it to a person who scrolls.
   */
  #valueCutOff(control: Element, style: ComputedStyle): boolean {
    if (control.localName !== 'textarea' || style.overflowY === 'auto' || style.overflowY === 'scroll') return false;
    return control.scrollHeight > control.clientHeight + 1 || control.scrollWidth > control.clientWidth + 1;
  }

  protected unreadableText(element: Element): boolean {
    // A form control draws its value in its own box, with no text node to measure: the box stands for its lines.
    const control = formControls.has(element.localName);
    if (!control && !hasOwnText(element)) return false;
    // Text of a <details> beside its summary is drawn in its ::details-content box.
    if (element.localName === 'details' && this.#detailsContentHidden(element)) return true;
    const style = this.style(element);
    if (style.visibility !== 'visible') return true;
    if (Number.parseFloat(style.fontSize) < minimumFontPx) return true;
    // Drawn as discs (`-webkit-text-security`, where the browser knows it), or under a bar.
    const security = style.webkitTextSecurity;
    if ((security && security !== 'none') || this.#barredOver(element)) return true;
    if (this.#unreadableColors(element, style) && !this.#readableOnBackdrop(element, style)) return true;
    const clip = this.#contentClip(element);
    if (control)
      return (
        this.#valueCutOff(element, style) ||
        this.#valueUndrawn(element) ||
        !this.#readableWhere(element, element.getBoundingClientRect(), clip)
      );
    // Text with no line box at all is not drawn (inside a closed <details>, a collapsed ruby…).
    return !this.#readableTextBox(element, clip);
  }
}
