import { boxShadows, shadowSheet } from './box-shadow';
import { indistinguishable, parseColor, type Rgba } from './color';
import type { ComputedStyle } from './computed-style';
import { colorFilterOf, gradientColors } from './contrast';
import { type Picture, paintsWholeBox } from './image-paint';
import { type Box, contains, everywhere, intersect, isEmpty } from './rects';
import { holds, parentOf } from './visibility-rules';

/** What occlusion needs from the layout judge: memoised computed styles and accumulated opacity. */
export interface StyleSource {
  style(element: Element): ComputedStyle;
  opacity(element: Element | null): number;
  /** The `content-visibility: auto` block whose skipped rendering holds the element (see layout-visibility.ts). */
  skippedBlockOf(element: Element): Element | undefined;
  /** Where the element's box may paint: its ancestors' clips (a cover inside a collapsed menu covers nothing). */
  clipFor(element: Element): Box;
}

interface Cover {
  element: Element;
  box: Box;
  z: number;
  /** Drawn by the element's `::before` or `::after` (an overlay that has no element of its own). */
  pseudo?: boolean;
  /** The skipped `content-visibility: auto` block it is in: it covers only text of that same block. */
  skippedBlock?: Element | undefined;
  /** Its solid background colour, when it has one (what text drawn over it is read against). */
  color?: Rgba | undefined;
  /** Where it does not paint within its box: an outer shadow is never drawn under the box that casts it. */
  hole?: Box;
  /** A grid item that is not positioned: it paints over the items before it in its grid only. */
  gridItem?: true;
  /** An image: it covers only if its pixels are opaque, read when text under it is first judged (see imageCovers). */
  image?: Picture;
}

/** Whether a cover paints over the whole of `rect`. */
const coversRect = (cover: Cover, rect: Box) =>
  contains(cover.box, rect) && !(cover.hole && !isEmpty(intersect(cover.hole, rect)));

/** Border sides, and what is drawn on one. */
const sides = ['Top', 'Right', 'Bottom', 'Left'] as const;
interface Side {
  width: number;
  line: string;
  color: Rgba | undefined;
}

/** Covers are bucketed by bands of page height, so each text rectangle is compared with a handful of them. */
const bandPx = 256;
const minimumCoverPx = 8;
/** Alpha from which a background or a box counts as hiding what is behind it. */
const opaqueAlpha = 0.9;

/** A box's background when it is one solid colour (no image or gradient over it): what text on it is read against. */
function solidColorOf(style: { backgroundColor: string; backgroundImage: string }): Rgba | undefined {
  const background = parseColor(style.backgroundColor);
  return background && background[3] >= opaqueAlpha && style.backgroundImage === 'none' ? background : undefined;
}

/**
 * A modal dialog or an open popover, in the top layer. Asked only of boxes that render: a popover that is not open
 * renders nothing, so its attribute is enough.
 */
const inTopLayer = (element: Element) => element.hasAttribute('popover') || element.matches(':modal');

/** Whether `a` is painted over `b`: a higher stack level, or the same one and later in the document. */
function paintedOver(a: Cover, b: Cover): boolean {
  if (a.z !== b.z) return a.z > b.z;
  return Boolean(b.element.compareDocumentPosition(a.element) & Node.DOCUMENT_POSITION_FOLLOWING);
}

/** The z-index of the stacking level the element paints at (its nearest positioned ancestor with a z-index). */
function stackLevel(element: Element, source: StyleSource): number {
  for (let current: Element | null = element; current; current = parentOf(current)) {
    const style = source.style(current);
    if (style.position !== 'static' && style.zIndex !== 'auto') return Number.parseInt(style.zIndex, 10) || 0;
  }
  return 0;
}

function positionedAncestor(element: Element, source: StyleSource): Element | undefined {
  for (let current: Element | null = element; current; current = parentOf(current)) {
    if (source.style(current).position !== 'static') return current;
  }
  return undefined;
}

/**
 * Text drawn under another opaque element (a white box with a higher z-index laid over a paragraph) is not
 * seen. Candidates are the opaque positioned boxes that scroll with the page (`absolute`, `relative`): a fixed
 * banner only hides what happens to be under it at this scroll position, and the person can scroll past it.
 * In the viewport the browser's own hit test says what is on top (`elementsFromPoint`); below the fold, paint
 * order is worked out from z-index and document order.
 */
export class Occlusion {
  readonly #bands = new Map<number, Cover[]>();
  /**
   * Opaque boxes inside skipped `content-visibility: auto` blocks that measured empty when the covers were listed:
   * Chromium may answer a box of a block it has not laid out yet with an empty one, until text in that block is
   * measured. They are measured again when text in a skipped block is judged.
   */
  #pending: Element[] = [];

  /**
   * `positioned`: every box of the page positioned `absolute` or `relative` outside subtrees that render nothing,
   * inside open shadow roots too (a component's cover lives in its shadow tree), from the capture's one walk of
   * the page (rendered-tree.ts). Frames are left out: their boxes are in the frame's own coordinates and cannot
   * cover the page's text.
   */
  /**
   * Sheets over or under every point of the page, however it scrolls: fixed boxes that fill the viewport with a
   * solid colour, and the opaque `::backdrop` of a modal dialog or a popover. Whether one is over a text or under
   * it is the paint order's to say (see paintsAbove).
   */
  readonly #sheets: Cover[] = [];
  /** Per image laid over text: whether it paints its whole box (see image-paint.ts). */
  readonly #opaqueImages = new Map<Picture, boolean>();

  readonly #document: Document;
  readonly #source: StyleSource;

  constructor(
    document: Document,
    source: StyleSource,
    {
      positioned,
      fixedLayers: fixed = [],
      outlined = [],
      gridItems = [],
    }: {
      positioned: readonly Element[];
      fixedLayers?: readonly Element[];
      outlined?: readonly Element[];
      gridItems?: readonly Element[];
    },
  ) {
    this.#document = document;
    this.#source = source;
    const view = document.defaultView;
    for (const element of fixed) {
      if (!view) break;
      const style = this.#source.style(element);
      // The top layer is painted over everything else, the element's `::backdrop` (filling the viewport) just under it.
      const z = inTopLayer(element) ? Number.POSITIVE_INFINITY : stackLevel(element, this.#source);
      const backdrop = z === Number.POSITIVE_INFINITY && solidColorOf(view.getComputedStyle(element, '::backdrop'));
      if (backdrop) this.#sheets.push({ element, box: everywhere, z, color: backdrop });
      const color = parseColor(style.backgroundColor);
      if (!color || color[3] < opaqueAlpha || style.visibility !== 'visible') continue;
      if (this.#source.opacity(element) < opaqueAlpha) continue;
      const rect = element.getBoundingClientRect();
      if (rect.left > 1 || rect.top > 1 || rect.right < view.innerWidth - 1 || rect.bottom < view.innerHeight - 1)
        continue;
      this.#sheets.push({ element, box: everywhere, z, color });
    }
    for (const element of positioned) {
      this.#addCovers(element, this.#source.style(element));
      // A positioned box is the containing block its own pseudo-elements are laid out in: `::after { position:
      // absolute; inset: 0; background: #fff }` lays a sheet over everything the box holds.
      for (const which of ['::before', '::after'] as const) this.#add(this.#pseudoCover(element, which));
    }
    for (const element of outlined) this.#addOutline(element, this.#source.style(element));
    // A grid item paints whole, as an inline block, over the items before it: laid in the same cell, an opaque one
    // hides them without being positioned.
    for (const element of gridItems) {
      const style = this.#source.style(element);
      const color = solidColorOf(style);
      if (!color || style.visibility !== 'visible' || this.#source.opacity(element) < opaqueAlpha) continue;
      const cover = this.#cover(element, element.getBoundingClientRect(), color);
      if (cover) this.#add({ ...cover, gridItem: true });
    }
  }

  /**
   * A thick solid outline, painted after the content around it: the ring between the box grown by its offset and
   * that grown by its width too. (`auto` is the browser's focus ring.)
   */
  #addOutline(element: Element, style: ComputedStyle): void {
    const width = Number.parseFloat(style.live.outlineWidth);
    const color = parseColor(style.live.outlineColor);
    if (
      !(width >= minimumCoverPx) ||
      !color ||
      color[3] < opaqueAlpha ||
      !/solid|groove|ridge|inset|outset/.test(style.outlineStyle)
    )
      return;
    if (style.visibility !== 'visible' || this.#source.opacity(element) < opaqueAlpha) return;
    const offset = Number.parseFloat(style.live.outlineOffset) || 0;
    const rect = element.getBoundingClientRect();
    const grown = (by: number): Box => ({
      left: rect.left - by,
      top: rect.top - by,
      right: rect.right + by,
      bottom: rect.bottom + by,
    });
    this.#add(this.#cover(element, grown(offset + width), color, grown(offset)));
  }

  #add(cover: Cover | undefined): void {
    if (!cover) return;
    const first = Math.floor(cover.box.top / bandPx);
    const last = Math.floor(cover.box.bottom / bandPx);
    for (let band = first; band <= last; band++) {
      const list = this.#bands.get(band);
      if (list) list.push(cover);
      else this.#bands.set(band, [cover]);
    }
  }

  /** An opaque, absolutely positioned pseudo-element of `owner`, as a cover in viewport coordinates. */
  #pseudoCover(owner: Element, which: '::before' | '::after'): Cover | undefined {
    const view = owner.ownerDocument.defaultView;
    if (!view) return undefined;
    const style = view.getComputedStyle(owner, which);
    const content = style.content;
    if (!content || content === 'none' || content === 'normal') return undefined;
    if (style.position !== 'absolute' || style.display === 'none' || style.visibility !== 'visible') return undefined;
    // Only a solid sheet: a gradient that fades out (the "read more" fade over the last lines) leaves text readable.
    const background = parseColor(style.backgroundColor);
    const image = style.backgroundImage;
    const stops = image === 'none' ? undefined : gradientColors(image);
    const solid =
      (background !== undefined && background[3] >= opaqueAlpha) || !!stops?.every((stop) => stop[3] >= opaqueAlpha);
    if (!solid) return undefined;
    if (Number.parseFloat(style.opacity) * this.#source.opacity(owner) < opaqueAlpha) return undefined;
    // Used values: offsets from the owner's padding box, and the pseudo-element's size.
    const [left, top, width, height] = [style.left, style.top, style.width, style.height].map(Number.parseFloat);
    if (![left, top, width, height].every((value) => Number.isFinite(value))) return undefined;
    const rect = owner.getBoundingClientRect();
    const originX = rect.left + owner.clientLeft + (left ?? 0);
    const originY = rect.top + owner.clientTop + (top ?? 0);
    const box = intersect(
      { left: originX, top: originY, right: originX + (width ?? 0), bottom: originY + (height ?? 0) },
      this.#source.clipFor(owner),
    );
    if (isEmpty(box, minimumCoverPx)) return undefined;
    const z = style.zIndex === 'auto' ? 0 : Number.parseInt(style.zIndex, 10) || 0;
    const color = solidColorOf(style);
    return { element: owner, box, z, pseudo: true, skippedBlock: this.#source.skippedBlockOf(owner), color };
  }

  /**
   * The solid sheets a positioned box paints over what lies under it: its background (an opaque colour, a gradient
   * with no see-through stop, or an image, which cannot be read here), or else its opaque outer shadows and the
   * bands of a thick opaque border.
   */
  #addCovers(element: Element, style: ComputedStyle): void {
    if (style.position !== 'absolute' && style.position !== 'relative') return;
    if (element.localName === 'img' || element.localName === 'canvas') this.#addImage(element as Picture, style);
    if (element.localName === 'svg') this.#addShapes(element);
    const background = parseColor(style.backgroundColor);
    const image = style.backgroundImage;
    const opaque =
      (background !== undefined && background[3] >= opaqueAlpha) ||
      (image !== 'none' && (gradientColors(image)?.every((stop) => stop[3] >= opaqueAlpha) ?? true));
    if (style.visibility !== 'visible' || style.display === 'none') return;
    if (!opaque && style.boxShadow === 'none' && style.live.backdropFilter === 'none' && !this.#thickBorder(element))
      return;
    if (this.#source.opacity(element) < opaqueAlpha) return;
    const rect = element.getBoundingClientRect();
    const box: Box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    if (opaque) {
      if (!isEmpty(rect, minimumCoverPx)) this.#add(this.#cover(element, rect));
      else if (this.#source.skippedBlockOf(element)) this.#pending.push(element);
      return;
    }
    // A backdrop filter that turns every colour into one (`contrast(0) brightness(9)`) lays a sheet of that colour.
    const backdrop = colorFilterOf(style.live.backdropFilter);
    const sheet = backdrop?.([255, 255, 255, 1]);
    if (backdrop && sheet && indistinguishable(sheet, backdrop([0, 0, 0, 1])))
      this.#add(this.#cover(element, box, sheet));
    for (const shadow of boxShadows(style.boxShadow))
      if (!shadow.inset && shadow.color[3] >= opaqueAlpha)
        this.#add(this.#cover(element, shadowSheet(rect, shadow), shadow.color, rect));
    if (style.display === 'inline' || !this.#thickBorder(element)) return;
    // Each drawn side must be solid and opaque: a see-through or broken one (dotted, dashed, double) shares its
    // corners with the sides next to it.
    const drawn = sides.map((side) => {
      const width = Number.parseFloat(style.live[`border${side}Width`]);
      const line = style.live[`border${side}Style`];
      return { width: /none|hidden/.test(line) ? 0 : width, line, color: parseColor(style.live[`border${side}Color`]) };
    });
    if (
      drawn.some(
        ({ width, line, color }) => width > 0 && (/dot|dash|double/.test(line) || !color || color[3] < opaqueAlpha),
      )
    )
      return;
    const [top, right, bottom, left] = drawn as [Side, Side, Side, Side];
    const bands: [Box, Side][] = [
      [{ ...box, bottom: box.top + top.width }, top],
      [{ ...box, left: box.right - right.width }, right],
      [{ ...box, top: box.bottom - bottom.width }, bottom],
      [{ ...box, right: box.left + left.width }, left],
    ];
    for (const [band, side] of bands) this.#add(this.#cover(element, band, side.color));
  }

  /**
   * A picture laid over text hides it as a background would, where it fills its box (`object-fit: fill` or
   * `cover`; a letterboxed one leaves bands of its box unpainted). Whether its pixels are opaque is read only
   * when some text lies wholly under it.
   */
  #addImage(image: Picture, style: ComputedStyle): void {
    if (style.visibility !== 'visible' || (style.live.objectFit !== 'fill' && style.live.objectFit !== 'cover')) return;
    if (this.#source.opacity(image) < opaqueAlpha) return;
    const rect = image.getBoundingClientRect();
    // The picture is drawn inside the borders.
    const left = rect.left + image.clientLeft;
    const top = rect.top + image.clientTop;
    const painted = { left, top, right: left + image.clientWidth, bottom: top + image.clientHeight };
    const cover = this.#cover(image, painted);
    // No colour: what the picture shows is not known, so nothing is read against it (see backdropUnder).
    if (cover) this.#add({ ...cover, image, color: undefined });
  }

  /**
   * An inline SVG paints no background of its own: its solid rectangles cover as one would (a white sheet drawn as
   * `<rect width="100%" height="100%" fill="#fff">`). Shapes kept for later use (definitions, masks, clip paths,
   * patterns, symbols, markers) paint nothing where they are written.
   */
  #addShapes(svg: Element): void {
    for (const shape of svg.querySelectorAll('rect')) {
      const style = this.#source.style(shape);
      const fill = parseColor(style.live.fill);
      if (
        fill &&
        fill[3] * Number.parseFloat(style.live.fillOpacity) >= opaqueAlpha &&
        style.visibility === 'visible' &&
        this.#source.opacity(shape) >= opaqueAlpha &&
        !shape.closest('defs, mask, clipPath, pattern, symbol, marker')
      )
        this.#add(this.#cover(shape, shape.getBoundingClientRect(), fill));
    }
  }

  #imageCovers(image: Picture): boolean {
    let known = this.#opaqueImages.get(image);
    if (known === undefined) {
      known = paintsWholeBox(image, opaqueAlpha);
      this.#opaqueImages.set(image, known);
    }
    return known;
  }

  /** Whether the box's borders are thick enough to hide a line of text (read from its layout, not its style). */
  #thickBorder(element: Element): boolean {
    const html = element as HTMLElement;
    return (
      html.offsetWidth - html.clientWidth >= minimumCoverPx || html.offsetHeight - html.clientHeight >= minimumCoverPx
    );
  }

  #cover(
    element: Element,
    rect: Box,
    color = solidColorOf(this.#source.style(element)),
    hole?: Box,
  ): Cover | undefined {
    const box = intersect(rect, this.#source.clipFor(element));
    if (isEmpty(box, minimumCoverPx)) return undefined;
    const skippedBlock = this.#source.skippedBlockOf(element);
    return { element, box, z: stackLevel(element, this.#source), skippedBlock, color, ...(hole && { hole }) };
  }

  #measurePending(): void {
    const still: Element[] = [];
    for (const element of this.#pending) {
      const rect = element.getBoundingClientRect();
      if (isEmpty(rect, minimumCoverPx)) still.push(element);
      else this.#add(this.#cover(element, rect));
    }
    this.#pending = still;
  }

  /** Whether an opaque box is painted over the whole of `rect` (the shown part of `element`'s text). */
  covers(element: Element, rect: Box): boolean {
    for (const sheet of this.#sheets)
      if (!holds(sheet.element, element) && this.#paintsAbove(sheet, element, rect)) return true;
    const skippedBlock = this.#source.skippedBlockOf(element);
    if (this.#pending.length > 0 && skippedBlock) this.#measurePending();
    const first = Math.floor(rect.top / bandPx);
    const candidates = this.#bands.get(first) ?? [];
    for (const cover of candidates) {
      if (cover.skippedBlock !== skippedBlock || !coversRect(cover, rect)) continue;
      if (cover.image && !this.#imageCovers(cover.image)) continue;
      if (holds(cover.element, element)) {
        // Text inside the owner of a pseudo-element cover: the positioned overlay is painted over the owner's own
        // in-flow content, unless it sits below it (negative z-index) or the text is in a positioned box of its own.
        if (cover.pseudo && cover.z >= 0 && positionedAncestor(element, this.#source) === cover.element) return true;
        continue;
      }
      if (this.#paintsAbove(cover, element, rect)) return true;
    }
    return false;
  }

  /**
   * The solid colour painted right under text that is not drawn on its ancestors' backgrounds: the topmost opaque
   * positioned box below it that holds the whole `rect` (a dark overlay laid under white text, a badge painted by
   * its own `::before` at z-index -1 in its own stacking context), or a fixed box filling the viewport. Undefined
   * when there is none. Only boxes at z-index 0 or above are taken from elsewhere on the page: they paint above
   * every in-flow background, so none of the text's ancestors can lie between. A fixed backdrop is painted below
   * every in-flow background: `onCanvas` says the text's ancestors paint none.
   */
  backdropUnder(element: Element, rect: Box, onCanvas: boolean): Rgba | undefined {
    const skippedBlock = this.#source.skippedBlockOf(element);
    if (this.#pending.length > 0 && skippedBlock) this.#measurePending();
    let best: Cover | undefined;
    for (const cover of this.#bands.get(Math.floor(rect.top / bandPx)) ?? []) {
      if (!cover.color || cover.skippedBlock !== skippedBlock || !coversRect(cover, rect)) continue;
      const below = holds(cover.element, element)
        ? cover.pseudo === true && cover.z < 0 && this.#source.style(cover.element).zIndex !== 'auto'
        : cover.z >= 0 && !this.#paintsAbove(cover, element, rect);
      if (below && (!best || paintedOver(cover, best))) best = cover;
    }
    return best?.color ?? (onCanvas ? this.#sheets.at(-1)?.color : undefined);
  }

  #paintsAbove(cover: Cover, element: Element, rect: Box): boolean {
    const x = (rect.left + rect.right) / 2;
    const y = (rect.top + rect.bottom) / 2;
    const view = this.#document.defaultView;
    if (view && x >= 0 && y >= 0 && x < view.innerWidth && y < view.innerHeight) {
      const root = element.getRootNode() as Document | ShadowRoot;
      const stack = (typeof root.elementsFromPoint === 'function' ? root : this.#document).elementsFromPoint(x, y);
      const coverAt = stack.indexOf(cover.element);
      if (coverAt >= 0) {
        const textAt = stack.findIndex((hit) => holds(hit, element) || hit === element);
        return textAt < 0 || coverAt < textAt;
      }
      // The cover lets the pointer through (pointer-events: none): fall back to paint order.
    }
    if (cover.gridItem) {
      // Over an earlier item of the same grid, except what that item positions (painted with the grid's parent).
      let item: Element | null = element;
      while (item && parentOf(item) !== parentOf(cover.element)) item = parentOf(item);
      const owner = positionedAncestor(element, this.#source);
      return (
        !!item &&
        !(owner && item.contains(owner)) &&
        Boolean(item.compareDocumentPosition(cover.element) & Node.DOCUMENT_POSITION_FOLLOWING)
      );
    }
    const level = stackLevel(element, this.#source);
    if (cover.z !== level) return cover.z > level;
    const owner = positionedAncestor(element, this.#source);
    // Positioned boxes paint over in-flow content of the same level; among positioned ones, later wins.
    if (!owner) return cover.z >= 0;
    return Boolean(owner.compareDocumentPosition(cover.element) & Node.DOCUMENT_POSITION_FOLLOWING);
  }
}
