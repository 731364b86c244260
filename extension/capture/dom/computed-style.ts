/**
 * An element's computed style as capture reads it: each property asked of the browser at most once per element
 * and capture. Several rules ask for the same ones (display by the walk, the box and the block test; position by
 * the walk, clipping and occlusion; overflow by the box and the clip), and every read makes the browser
 * serialise the value again: on a large record page a third of the reads were repeats.
 *
 * The seven every rendered element is asked for (display and position by the walk; opacity, filter and clip-path by
 * the box test; both backgrounds by the contrast test of the text inside) are read as the style is made, into plain
 * fields; the rest when first asked. A fresh capture of the 2 MB record page runs in unoptimised code, where a field
 * is cheaper to read than a getter: about 3 ms less per capture in an interleaved A/B (100 pairs).
 */
export type ComputedStyle = Readonly<
  Pick<
    CSSStyleDeclaration,
    | 'backgroundColor'
    | 'backgroundImage'
    | 'clip'
    | 'clipPath'
    | 'color'
    | 'contain'
    | 'contentVisibility'
    | 'display'
    | 'filter'
    | 'fontSize'
    | 'mixBlendMode'
    | 'opacity'
    | 'overflowX'
    | 'overflowY'
    | 'position'
    | 'textIndent'
    | 'transform'
    | 'visibility'
    | 'webkitTextFillColor'
    | 'webkitTextStrokeColor'
    | 'webkitTextStrokeWidth'
    | 'zIndex'
  >
>;

export class CachedStyle implements ComputedStyle {
  #clip?: string;
  #color?: string;
  #contain?: string;
  #contentVisibility?: string;
  #fontSize?: string;
  #mixBlendMode?: string;
  #overflowX?: string;
  #overflowY?: string;
  #textIndent?: string;
  #transform?: string;
  #visibility?: string;
  #webkitTextFillColor?: string;
  #webkitTextStrokeColor?: string;
  #webkitTextStrokeWidth?: string;
  #zIndex?: string;

  readonly display: string;
  readonly position: string;
  readonly opacity: string;
  readonly filter: string;
  readonly clipPath: string;
  readonly backgroundColor: string;
  readonly backgroundImage: string;

  /** `declaration`: the live object `getComputedStyle` returns. */
  constructor(private readonly declaration: CSSStyleDeclaration) {
    this.display = declaration.display;
    this.position = declaration.position;
    this.opacity = declaration.opacity;
    this.filter = declaration.filter;
    this.clipPath = declaration.clipPath;
    this.backgroundColor = declaration.backgroundColor;
    this.backgroundImage = declaration.backgroundImage;
  }

  get clip() {
    this.#clip ??= this.declaration.clip;
    return this.#clip;
  }
  get color() {
    this.#color ??= this.declaration.color;
    return this.#color;
  }
  get contain() {
    this.#contain ??= this.declaration.contain;
    return this.#contain;
  }
  get contentVisibility() {
    this.#contentVisibility ??= this.declaration.contentVisibility;
    return this.#contentVisibility;
  }
  get fontSize() {
    this.#fontSize ??= this.declaration.fontSize;
    return this.#fontSize;
  }
  get mixBlendMode() {
    this.#mixBlendMode ??= this.declaration.mixBlendMode;
    return this.#mixBlendMode;
  }
  get overflowX() {
    this.#overflowX ??= this.declaration.overflowX;
    return this.#overflowX;
  }
  get overflowY() {
    this.#overflowY ??= this.declaration.overflowY;
    return this.#overflowY;
  }
  get textIndent() {
    this.#textIndent ??= this.declaration.textIndent;
    return this.#textIndent;
  }
  get transform() {
    this.#transform ??= this.declaration.transform;
    return this.#transform;
  }
  get visibility() {
    this.#visibility ??= this.declaration.visibility;
    return this.#visibility;
  }
  get webkitTextFillColor() {
    this.#webkitTextFillColor ??= this.declaration.webkitTextFillColor;
    return this.#webkitTextFillColor;
  }
  get webkitTextStrokeColor() {
    this.#webkitTextStrokeColor ??= this.declaration.webkitTextStrokeColor;
    return this.#webkitTextStrokeColor;
  }
  get webkitTextStrokeWidth() {
    this.#webkitTextStrokeWidth ??= this.declaration.webkitTextStrokeWidth;
    return this.#webkitTextStrokeWidth;
  }
  get zIndex() {
    this.#zIndex ??= this.declaration.zIndex;
    return this.#zIndex;
  }
}
