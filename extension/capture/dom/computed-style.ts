/**
 * An element's computed style as capture reads it: each property asked of the browser at most once per element
 * and capture. Several rules ask for the same ones (display by the walk, the box and the block test; position by
 * the walk, clipping and occlusion; overflow by the box and the clip), and every read makes the browser
 * serialise the value again: on a large record page a third of the reads were repeats.
 */
export const computedStyleProperties = [
  'backfaceVisibility',
  'backgroundClip',
  'backgroundColor',
  'backgroundImage',
  'clip',
  'clipPath',
  'color',
  'contain',
  'contentVisibility',
  'direction',
  'display',
  'filter',
  'flexDirection',
  'fontSize',
  'isolation',
  'maskImage',
  'maskSize',
  'mixBlendMode',
  'opacity',
  'overflowX',
  'overflowY',
  'position',
  'textShadow',
  'transform',
  'visibility',
  'webkitTextFillColor',
  'webkitTextStrokeColor',
  'webkitTextStrokeWidth',
  'zIndex',
] as const satisfies readonly (keyof CSSStyleDeclaration)[];

export type ComputedStyle = Readonly<Pick<CSSStyleDeclaration, (typeof computedStyleProperties)[number]>>;

export class CachedStyle implements ComputedStyle {
  #backfaceVisibility?: string;
  #backgroundClip?: string;
  #backgroundColor?: string;
  #backgroundImage?: string;
  #clip?: string;
  #clipPath?: string;
  #color?: string;
  #contain?: string;
  #contentVisibility?: string;
  #direction?: string;
  #display?: string;
  #filter?: string;
  #flexDirection?: string;
  #fontSize?: string;
  #isolation?: string;
  #maskImage?: string;
  #maskSize?: string;
  #mixBlendMode?: string;
  #opacity?: string;
  #overflowX?: string;
  #overflowY?: string;
  #position?: string;
  #textShadow?: string;
  #transform?: string;
  #visibility?: string;
  #webkitTextFillColor?: string;
  #webkitTextStrokeColor?: string;
  #webkitTextStrokeWidth?: string;
  #zIndex?: string;

  /** `declaration`: the live object `getComputedStyle` returns. */
  constructor(private readonly declaration: CSSStyleDeclaration) {}

  get backfaceVisibility() {
    this.#backfaceVisibility ??= this.declaration.backfaceVisibility;
    return this.#backfaceVisibility;
  }
  /** `text` paints the background only inside the glyphs (gradient text); the prefixed alias in older engines. */
  get backgroundClip() {
    this.#backgroundClip ??= this.declaration.backgroundClip || this.declaration.webkitBackgroundClip || 'border-box';
    return this.#backgroundClip;
  }
  get backgroundColor() {
    this.#backgroundColor ??= this.declaration.backgroundColor;
    return this.#backgroundColor;
  }
  get backgroundImage() {
    this.#backgroundImage ??= this.declaration.backgroundImage;
    return this.#backgroundImage;
  }
  get clip() {
    this.#clip ??= this.declaration.clip;
    return this.#clip;
  }
  get clipPath() {
    this.#clipPath ??= this.declaration.clipPath;
    return this.#clipPath;
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
  get direction() {
    this.#direction ??= this.declaration.direction;
    return this.#direction;
  }
  get display() {
    this.#display ??= this.declaration.display;
    return this.#display;
  }
  get filter() {
    this.#filter ??= this.declaration.filter;
    return this.#filter;
  }
  get flexDirection() {
    this.#flexDirection ??= this.declaration.flexDirection;
    return this.#flexDirection;
  }
  get fontSize() {
    this.#fontSize ??= this.declaration.fontSize;
    return this.#fontSize;
  }
  get isolation() {
    this.#isolation ??= this.declaration.isolation;
    return this.#isolation;
  }
  /** Unprefixed since Chrome 120; the prefixed alias answers in older engines. */
  get maskImage() {
    this.#maskImage ??= this.declaration.maskImage ?? this.declaration.webkitMaskImage ?? 'none';
    return this.#maskImage;
  }
  get maskSize() {
    this.#maskSize ??= this.declaration.maskSize ?? this.declaration.webkitMaskSize ?? 'auto';
    return this.#maskSize;
  }
  get mixBlendMode() {
    this.#mixBlendMode ??= this.declaration.mixBlendMode;
    return this.#mixBlendMode;
  }
  get opacity() {
    this.#opacity ??= this.declaration.opacity;
    return this.#opacity;
  }
  get overflowX() {
    this.#overflowX ??= this.declaration.overflowX;
    return this.#overflowX;
  }
  get overflowY() {
    this.#overflowY ??= this.declaration.overflowY;
    return this.#overflowY;
  }
  get position() {
    this.#position ??= this.declaration.position;
    return this.#position;
  }
  get textShadow() {
    this.#textShadow ??= this.declaration.textShadow;
    return this.#textShadow;
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
