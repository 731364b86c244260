// biome-ignore-all lint/suspicious/noAssignInExpressions: each getter returns what `??=` assigns, one expression per property (the script is injected into every page read: its size has a budget)
/**
 * A computed declaration, with Chromium's prefixed properties that draw text as discs (`-webkit-text-security`) and
 * say which decorations reach an element from its ancestors (`-webkit-text-decorations-in-effect`).
 */
type Declaration = CSSStyleDeclaration & { webkitTextSecurity: string; webkitTextDecorationsInEffect: string };

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
  'rotate',
  'scale',
  'textDecoration',
  'textOverflow',
  'textShadow',
  'transform',
  'translate',
  'visibility',
  'webkitTextDecorationsInEffect',
  'webkitTextFillColor',
  'webkitTextSecurity',
  'webkitTextStrokeColor',
  'webkitTextStrokeWidth',
  'zIndex',
] as const satisfies readonly (keyof Declaration)[];

export type ComputedStyle = Readonly<Pick<Declaration, (typeof computedStyleProperties)[number]>>;

/**
 * One element's computed style as capture reads it: each property asked of the browser once, then remembered. Every
 * read of the live declaration is a call into the browser (about half a microsecond); the rules ask some properties
 * again and again as they walk up from each text to its ancestors (`display` nine times per element on the 2 MB
 * record page, `position` six). A capture reads a page that does not change while it runs, so a value read once
 * holds for the whole capture; one getter per property, written out, keeps each read a plain property access the
 * engine can inline.
 */
export class RememberedStyle implements ComputedStyle {
  readonly #live: Declaration;

  constructor(live: CSSStyleDeclaration) {
    this.#live = live as Declaration;
  }

  #backdropFilter?: string;
  get backdropFilter(): string {
    return (this.#backdropFilter ??= this.#live.backdropFilter);
  }
  #backfaceVisibility?: string;
  get backfaceVisibility(): string {
    return (this.#backfaceVisibility ??= this.#live.backfaceVisibility);
  }
  #backgroundClip?: string;
  get backgroundClip(): string {
    return (this.#backgroundClip ??= this.#live.backgroundClip);
  }
  #backgroundColor?: string;
  get backgroundColor(): string {
    return (this.#backgroundColor ??= this.#live.backgroundColor);
  }
  #backgroundImage?: string;
  get backgroundImage(): string {
    return (this.#backgroundImage ??= this.#live.backgroundImage);
  }
  #borderBottomColor?: string;
  get borderBottomColor(): string {
    return (this.#borderBottomColor ??= this.#live.borderBottomColor);
  }
  #borderBottomStyle?: string;
  get borderBottomStyle(): string {
    return (this.#borderBottomStyle ??= this.#live.borderBottomStyle);
  }
  #borderBottomWidth?: string;
  get borderBottomWidth(): string {
    return (this.#borderBottomWidth ??= this.#live.borderBottomWidth);
  }
  #borderLeftColor?: string;
  get borderLeftColor(): string {
    return (this.#borderLeftColor ??= this.#live.borderLeftColor);
  }
  #borderLeftStyle?: string;
  get borderLeftStyle(): string {
    return (this.#borderLeftStyle ??= this.#live.borderLeftStyle);
  }
  #borderLeftWidth?: string;
  get borderLeftWidth(): string {
    return (this.#borderLeftWidth ??= this.#live.borderLeftWidth);
  }
  #borderRightColor?: string;
  get borderRightColor(): string {
    return (this.#borderRightColor ??= this.#live.borderRightColor);
  }
  #borderRightStyle?: string;
  get borderRightStyle(): string {
    return (this.#borderRightStyle ??= this.#live.borderRightStyle);
  }
  #borderRightWidth?: string;
  get borderRightWidth(): string {
    return (this.#borderRightWidth ??= this.#live.borderRightWidth);
  }
  #borderTopColor?: string;
  get borderTopColor(): string {
    return (this.#borderTopColor ??= this.#live.borderTopColor);
  }
  #borderTopStyle?: string;
  get borderTopStyle(): string {
    return (this.#borderTopStyle ??= this.#live.borderTopStyle);
  }
  #borderTopWidth?: string;
  get borderTopWidth(): string {
    return (this.#borderTopWidth ??= this.#live.borderTopWidth);
  }
  #boxShadow?: string;
  get boxShadow(): string {
    return (this.#boxShadow ??= this.#live.boxShadow);
  }
  #clip?: string;
  get clip(): string {
    return (this.#clip ??= this.#live.clip);
  }
  #clipPath?: string;
  get clipPath(): string {
    return (this.#clipPath ??= this.#live.clipPath);
  }
  #color?: string;
  get color(): string {
    return (this.#color ??= this.#live.color);
  }
  #contain?: string;
  get contain(): string {
    return (this.#contain ??= this.#live.contain);
  }
  #contentVisibility?: string;
  get contentVisibility(): string {
    return (this.#contentVisibility ??= this.#live.contentVisibility);
  }
  #direction?: string;
  get direction(): string {
    return (this.#direction ??= this.#live.direction);
  }
  #display?: string;
  get display(): string {
    return (this.#display ??= this.#live.display);
  }
  #filter?: string;
  get filter(): string {
    return (this.#filter ??= this.#live.filter);
  }
  #flexDirection?: string;
  get flexDirection(): string {
    return (this.#flexDirection ??= this.#live.flexDirection);
  }
  #fontFamily?: string;
  get fontFamily(): string {
    return (this.#fontFamily ??= this.#live.fontFamily);
  }
  #fontSize?: string;
  get fontSize(): string {
    return (this.#fontSize ??= this.#live.fontSize);
  }
  #fontStyle?: string;
  get fontStyle(): string {
    return (this.#fontStyle ??= this.#live.fontStyle);
  }
  #fontWeight?: string;
  get fontWeight(): string {
    return (this.#fontWeight ??= this.#live.fontWeight);
  }
  #isolation?: string;
  get isolation(): string {
    return (this.#isolation ??= this.#live.isolation);
  }
  #maskImage?: string;
  get maskImage(): string {
    return (this.#maskImage ??= this.#live.maskImage);
  }
  #maskMode?: string;
  get maskMode(): string {
    return (this.#maskMode ??= this.#live.maskMode);
  }
  #maskPosition?: string;
  get maskPosition(): string {
    return (this.#maskPosition ??= this.#live.maskPosition);
  }
  #maskRepeat?: string;
  get maskRepeat(): string {
    return (this.#maskRepeat ??= this.#live.maskRepeat);
  }
  #maskSize?: string;
  get maskSize(): string {
    return (this.#maskSize ??= this.#live.maskSize);
  }
  #mixBlendMode?: string;
  get mixBlendMode(): string {
    return (this.#mixBlendMode ??= this.#live.mixBlendMode);
  }
  #objectFit?: string;
  get objectFit(): string {
    return (this.#objectFit ??= this.#live.objectFit);
  }
  #opacity?: string;
  get opacity(): string {
    return (this.#opacity ??= this.#live.opacity);
  }
  #outlineColor?: string;
  get outlineColor(): string {
    return (this.#outlineColor ??= this.#live.outlineColor);
  }
  #outlineOffset?: string;
  get outlineOffset(): string {
    return (this.#outlineOffset ??= this.#live.outlineOffset);
  }
  #outlineStyle?: string;
  get outlineStyle(): string {
    return (this.#outlineStyle ??= this.#live.outlineStyle);
  }
  #outlineWidth?: string;
  get outlineWidth(): string {
    return (this.#outlineWidth ??= this.#live.outlineWidth);
  }
  #overflowX?: string;
  get overflowX(): string {
    return (this.#overflowX ??= this.#live.overflowX);
  }
  #overflowY?: string;
  get overflowY(): string {
    return (this.#overflowY ??= this.#live.overflowY);
  }
  #perspective?: string;
  get perspective(): string {
    return (this.#perspective ??= this.#live.perspective);
  }
  #position?: string;
  get position(): string {
    return (this.#position ??= this.#live.position);
  }
  #textOverflow?: string;
  get textOverflow(): string {
    return (this.#textOverflow ??= this.#live.textOverflow);
  }
  #textShadow?: string;
  get textShadow(): string {
    return (this.#textShadow ??= this.#live.textShadow);
  }
  #transform?: string;
  get transform(): string {
    return (this.#transform ??= this.#live.transform);
  }
  #visibility?: string;
  get visibility(): string {
    return (this.#visibility ??= this.#live.visibility);
  }
  #webkitTextFillColor?: string;
  get webkitTextFillColor(): string {
    return (this.#webkitTextFillColor ??= this.#live.webkitTextFillColor);
  }
  #webkitTextStrokeColor?: string;
  get webkitTextStrokeColor(): string {
    return (this.#webkitTextStrokeColor ??= this.#live.webkitTextStrokeColor);
  }
  #webkitTextStrokeWidth?: string;
  get webkitTextStrokeWidth(): string {
    return (this.#webkitTextStrokeWidth ??= this.#live.webkitTextStrokeWidth);
  }
  #zIndex?: string;
  get zIndex(): string {
    return (this.#zIndex ??= this.#live.zIndex);
  }
  #rotate?: string;
  get rotate(): string {
    return (this.#rotate ??= this.#live.rotate);
  }
  #scale?: string;
  get scale(): string {
    return (this.#scale ??= this.#live.scale);
  }
  #translate?: string;
  get translate(): string {
    return (this.#translate ??= this.#live.translate);
  }
  #textDecoration?: string;
  get textDecoration(): string {
    return (this.#textDecoration ??= this.#live.textDecoration);
  }
  #webkitTextDecorationsInEffect?: string;
  get webkitTextDecorationsInEffect(): string {
    return (this.#webkitTextDecorationsInEffect ??= this.#live.webkitTextDecorationsInEffect);
  }
  #webkitTextSecurity?: string;
  get webkitTextSecurity(): string {
    return (this.#webkitTextSecurity ??= this.#live.webkitTextSecurity);
  }
}
