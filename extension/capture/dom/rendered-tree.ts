import type { ComputedStyle } from './computed-style';
import { frameDocument, isFrame } from './frame-document';

type Tree = Document | ShadowRoot;

/**
 * One walk over what a document renders, made once per capture and shared by the two things that need to see
 * the whole page: the shadow-aware queries (walk.ts), which must know every shadow host and same-origin frame
 * of a tree, and occlusion (occlusion.ts), which must know every positioned or outlined box that could be laid over text.
 *
 * A `display: none` subtree is not entered: nothing in it is drawn, so no shadow root inside it holds text the
 * person sees and no box in it covers anything. On a Lightning page, where most of the DOM is earlier records
 * kept hidden, this is most of the page left unread; a subtree only `visibility: hidden` is still walked, since
 * a descendant may set itself visible again.
 */
export class RenderedTree {
  /** Per tree walked: its shadow hosts and same-origin frames, in document order. */
  readonly #gateways = new Map<Tree, Element[]>();
  /** Boxes positioned `absolute` or `relative`, in open shadow roots too (the body and root left out). */
  readonly positioned: Element[] = [];
  /**
   * Positioned boxes with a negative z-index: painted before their ancestors' backgrounds, so an ancestor's
   * opaque background covers them (layout-visibility.ts). Few pages have any; most have none to check.
   */
  readonly negativeLayers: Element[] = [];
  /** Boxes positioned `fixed`: they and everything in them are placed in the viewport, not in the page. */
  readonly fixedLayers: Element[] = [];
  /** Boxes with an outline: painted over the content around them, a thick one may cover text (occlusion.ts). */
  readonly outlined: Element[] = [];
  /** Grid items that are not positioned: each paints whole over the items before it (see occlusion.ts). */
  readonly gridItems: Element[] = [];

  readonly #document: Document;
  readonly #style: (element: Element) => ComputedStyle;

  constructor(document: Document, style: (element: Element) => ComputedStyle) {
    this.#document = document;
    this.#style = style;
    const inDocument: Element[] = [];
    this.#gateways.set(document, inDocument);
    const root = document.documentElement;
    if (root && style(root).display !== 'none') this.#walk(root, inDocument);
  }

  /** A tree's gateways, or undefined for a tree the walk did not reach (inside a subtree that renders nothing). */
  gatewaysOf(tree: Tree): Element[] | undefined {
    return this.#gateways.get(tree);
  }

  #walk(parent: ParentNode, gateways: Element[], inGrid = false): void {
    for (let element = parent.firstElementChild; element; element = element.nextElementSibling) {
      const style = this.#style(element);
      if (style.display === 'none') continue;
      const grid = style.display.endsWith('grid');
      const shadow = (element as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
      if (shadow) gateways.push(element);
      else if (isFrame(element) && frameDocument(element)) gateways.push(element);
      const position = style.position;
      if (position !== 'static' && element !== this.#document.body) {
        if (position === 'absolute' || position === 'relative') this.positioned.push(element);
        else if (position === 'fixed') this.fixedLayers.push(element);
        if (Number.parseInt(style.zIndex, 10) < 0) this.negativeLayers.push(element);
      } else if (inGrid) this.gridItems.push(element);
      if (style.outlineStyle !== 'none') this.outlined.push(element);
      this.#walk(element, gateways, grid);
      if (shadow) {
        const inShadow: Element[] = [];
        this.#gateways.set(shadow, inShadow);
        this.#walk(shadow, inShadow, grid);
      }
    }
  }
}
