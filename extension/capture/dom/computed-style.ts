/**
 * The computed style properties capture reads. The list also tells the bench's floor (bench/lib/capture-floor.ts)
 * what to replay.
 */
export const computedStyleProperties = [
  'backdropFilter',
  'backfaceVisibility',
  'backgroundClip',
  'backgroundColor',
  'backgroundImage',
  'borderBottomColor',
  'borderBottomStyle',
  'borderBottomWidth',
  'borderLeftColor',
  'borderLeftStyle',
  'borderLeftWidth',
  'borderRightColor',
  'borderRightStyle',
  'borderRightWidth',
  'borderTopColor',
  'borderTopStyle',
  'borderTopWidth',
  'boxShadow',
  'clip',
  'clipPath',
  'color',
  'contain',
  'contentVisibility',
  'direction',
  'display',
  'filter',
  'flexDirection',
  'fontFamily',
  'fontSize',
  'fontStyle',
  'fontWeight',
  'isolation',
  'maskImage',
  'maskMode',
  'maskPosition',
  'maskRepeat',
  'maskSize',
  'mixBlendMode',
  'objectFit',
  'opacity',
  'outlineColor',
  'outlineOffset',
  'outlineStyle',
  'outlineWidth',
  'overflowX',
  'overflowY',
  'perspective',
  'position',
  'textOverflow',
  'textShadow',
  'transform',
  'visibility',
  'webkitTextFillColor',
  'webkitTextStrokeColor',
  'webkitTextStrokeWidth',
  'zIndex',
] as const satisfies readonly (keyof CSSStyleDeclaration)[];

export type ComputedStyle = Readonly<Pick<CSSStyleDeclaration, (typeof computedStyleProperties)[number]>>;

/**
 * One element's computed style as capture reads it: each property asked of the browser once, then remembered. Every
 * read of the live declaration is a call into the browser (about half a microsecond); the rules ask some properties
 * again and again as they walk up from each text to its ancestors (`display` nine times per element on the 2 MB
 * record page, `position` six). A capture reads a page that does not change while it runs, so a value read once
 * holds for the whole capture; one getter per property, written out, keeps each read a plain property access the
 * engine can inline.
 */
export class RememberedStyle implements ComputedStyle {
  readonly #live: CSSStyleDeclaration;

  constructor(live: CSSStyleDeclaration) {
    this.#live = live;
  }

  #backdropFilter?: string;
  get backdropFilter(): string {
    this.#backdropFilter ??= this.#live.backdropFilter;
    return this.#backdropFilter;
  }
  #backfaceVisibility?: string;
  get backfaceVisibility(): string {
    this.#backfaceVisibility ??= this.#live.backfaceVisibility;
    return this.#backfaceVisibility;
  }
  #backgroundClip?: string;
  get backgroundClip(): string {
    this.#backgroundClip ??= this.#live.backgroundClip;
    return this.#backgroundClip;
  }
  #backgroundColor?: string;
  get backgroundColor(): string {
    this.#backgroundColor ??= this.#live.backgroundColor;
    return this.#backgroundColor;
  }
  #backgroundImage?: string;
  get backgroundImage(): string {
    this.#backgroundImage ??= this.#live.backgroundImage;
    return this.#backgroundImage;
  }
  #borderBottomColor?: string;
  get borderBottomColor(): string {
    this.#borderBottomColor ??= this.#live.borderBottomColor;
    return this.#borderBottomColor;
  }
  #borderBottomStyle?: string;
  get borderBottomStyle(): string {
    this.#borderBottomStyle ??= this.#live.borderBottomStyle;
    return this.#borderBottomStyle;
  }
  #borderBottomWidth?: string;
  get borderBottomWidth(): string {
    this.#borderBottomWidth ??= this.#live.borderBottomWidth;
    return this.#borderBottomWidth;
  }
  #borderLeftColor?: string;
  get borderLeftColor(): string {
    this.#borderLeftColor ??= this.#live.borderLeftColor;
    return this.#borderLeftColor;
  }
  #borderLeftStyle?: string;
  get borderLeftStyle(): string {
    this.#borderLeftStyle ??= this.#live.borderLeftStyle;
    return this.#borderLeftStyle;
  }
  #borderLeftWidth?: string;
  get borderLeftWidth(): string {
    this.#borderLeftWidth ??= this.#live.borderLeftWidth;
    return this.#borderLeftWidth;
  }
  #borderRightColor?: string;
  get borderRightColor(): string {
    this.#borderRightColor ??= this.#live.borderRightColor;
    return this.#borderRightColor;
  }
  #borderRightStyle?: string;
  get borderRightStyle(): string {
    this.#borderRightStyle ??= this.#live.borderRightStyle;
    return this.#borderRightStyle;
  }
  #borderRightWidth?: string;
  get borderRightWidth(): string {
    this.#borderRightWidth ??= this.#live.borderRightWidth;
    return this.#borderRightWidth;
  }
  #borderTopColor?: string;
  get borderTopColor(): string {
    this.#borderTopColor ??= this.#live.borderTopColor;
    return this.#borderTopColor;
  }
  #borderTopStyle?: string;
  get borderTopStyle(): string {
    this.#borderTopStyle ??= this.#live.borderTopStyle;
    return this.#borderTopStyle;
  }
  #borderTopWidth?: string;
  get borderTopWidth(): string {
    this.#borderTopWidth ??= this.#live.borderTopWidth;
    return this.#borderTopWidth;
  }
  #boxShadow?: string;
  get boxShadow(): string {
    this.#boxShadow ??= this.#live.boxShadow;
    return this.#boxShadow;
  }
  #clip?: string;
  get clip(): string {
    this.#clip ??= this.#live.clip;
    return this.#clip;
  }
  #clipPath?: string;
  get clipPath(): string {
    this.#clipPath ??= this.#live.clipPath;
    return this.#clipPath;
  }
  #color?: string;
  get color(): string {
    this.#color ??= this.#live.color;
    return this.#color;
  }
  #contain?: string;
  get contain(): string {
    this.#contain ??= this.#live.contain;
    return this.#contain;
  }
  #contentVisibility?: string;
  get contentVisibility(): string {
    this.#contentVisibility ??= this.#live.contentVisibility;
    return this.#contentVisibility;
  }
  #direction?: string;
  get direction(): string {
    this.#direction ??= this.#live.direction;
    return this.#direction;
  }
  #display?: string;
  get display(): string {
    this.#display ??= this.#live.display;
    return this.#display;
  }
  #filter?: string;
  get filter(): string {
    this.#filter ??= this.#live.filter;
    return this.#filter;
  }
  #flexDirection?: string;
  get flexDirection(): string {
    this.#flexDirection ??= this.#live.flexDirection;
    return this.#flexDirection;
  }
  #fontFamily?: string;
  get fontFamily(): string {
    this.#fontFamily ??= this.#live.fontFamily;
    return this.#fontFamily;
  }
  #fontSize?: string;
  get fontSize(): string {
    this.#fontSize ??= this.#live.fontSize;
    return this.#fontSize;
  }
  #fontStyle?: string;
  get fontStyle(): string {
    this.#fontStyle ??= this.#live.fontStyle;
    return this.#fontStyle;
  }
  #fontWeight?: string;
  get fontWeight(): string {
    this.#fontWeight ??= this.#live.fontWeight;
    return this.#fontWeight;
  }
  #isolation?: string;
  get isolation(): string {
    this.#isolation ??= this.#live.isolation;
    return this.#isolation;
  }
  #maskImage?: string;
  get maskImage(): string {
    this.#maskImage ??= this.#live.maskImage;
    return this.#maskImage;
  }
  #maskMode?: string;
  get maskMode(): string {
    this.#maskMode ??= this.#live.maskMode;
    return this.#maskMode;
  }
  #maskPosition?: string;
  get maskPosition(): string {
    this.#maskPosition ??= this.#live.maskPosition;
    return this.#maskPosition;
  }
  #maskRepeat?: string;
  get maskRepeat(): string {
    this.#maskRepeat ??= this.#live.maskRepeat;
    return this.#maskRepeat;
  }
  #maskSize?: string;
  get maskSize(): string {
    this.#maskSize ??= this.#live.maskSize;
    return this.#maskSize;
  }
  #mixBlendMode?: string;
  get mixBlendMode(): string {
    this.#mixBlendMode ??= this.#live.mixBlendMode;
    return this.#mixBlendMode;
  }
  #objectFit?: string;
  get objectFit(): string {
    this.#objectFit ??= this.#live.objectFit;
    return this.#objectFit;
  }
  #opacity?: string;
  get opacity(): string {
    this.#opacity ??= this.#live.opacity;
    return this.#opacity;
  }
  #outlineColor?: string;
  get outlineColor(): string {
    this.#outlineColor ??= this.#live.outlineColor;
    return this.#outlineColor;
  }
  #outlineOffset?: string;
  get outlineOffset(): string {
    this.#outlineOffset ??= this.#live.outlineOffset;
    return this.#outlineOffset;
  }
  #outlineStyle?: string;
  get outlineStyle(): string {
    this.#outlineStyle ??= this.#live.outlineStyle;
    return this.#outlineStyle;
  }
  #outlineWidth?: string;
  get outlineWidth(): string {
    this.#outlineWidth ??= this.#live.outlineWidth;
    return this.#outlineWidth;
  }
  #overflowX?: string;
  get overflowX(): string {
    this.#overflowX ??= this.#live.overflowX;
    return this.#overflowX;
  }
  #overflowY?: string;
  get overflowY(): string {
    this.#overflowY ??= this.#live.overflowY;
    return this.#overflowY;
  }
  #perspective?: string;
  get perspective(): string {
    this.#perspective ??= this.#live.perspective;
    return this.#perspective;
  }
  #position?: string;
  get position(): string {
    this.#position ??= this.#live.position;
    return this.#position;
  }
  #textOverflow?: string;
  get textOverflow(): string {
    this.#textOverflow ??= this.#live.textOverflow;
    return this.#textOverflow;
  }
  #textShadow?: string;
  get textShadow(): string {
    this.#textShadow ??= this.#live.textShadow;
    return this.#textShadow;
  }
  #transform?: string;
  get transform(): string {
    this.#transform ??= this.#live.transform;
    return this.#transform;
  }
  #visibility?: string;
  get visibility(): string {
    this.#visibility ??= this.#live.visibility;
    return this.#visibility;
  }
  #webkitTextFillColor?: string;
  get webkitTextFillColor(): string {
    this.#webkitTextFillColor ??= this.#live.webkitTextFillColor;
    return this.#webkitTextFillColor;
  }
  #webkitTextStrokeColor?: string;
  get webkitTextStrokeColor(): string {
    this.#webkitTextStrokeColor ??= this.#live.webkitTextStrokeColor;
    return this.#webkitTextStrokeColor;
  }
  #webkitTextStrokeWidth?: string;
  get webkitTextStrokeWidth(): string {
    this.#webkitTextStrokeWidth ??= this.#live.webkitTextStrokeWidth;
    return this.#webkitTextStrokeWidth;
  }
  #zIndex?: string;
  get zIndex(): string {
    this.#zIndex ??= this.#live.zIndex;
    return this.#zIndex;
  }
}
