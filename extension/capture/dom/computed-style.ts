// biome-ignore-all lint/suspicious/noAssignInExpressions: each getter returns what `??=` assigns, one expression per property (the script is injected into every page read: its size has a budget)
/**
 * A computed declaration, with Chromium's prefixed properties that draw text as discs (`-webkit-text-security`) and
 * say which decorations reach an element from its ancestors (`-webkit-text-decorations-in-effect`).
 */
type Declaration = CSSStyleDeclaration & { webkitTextSecurity: string; webkitTextDecorationsInEffect: string };

/** The computed style properties capture reads of (nearly) every element it judges: each is remembered. */
export const rememberedStyleProperties = [
  'backfaceVisibility',
  'backgroundClip',
  'backgroundColor',
  'backgroundImage',
  'boxShadow',
  'clip',
  'clipPath',
  'color',
  'contain',
  'contentVisibility',
  'display',
  'filter',
  'fontSize',
  'maskImage',
  'mixBlendMode',
  'opacity',
  'outlineStyle',
  'overflowX',
  'overflowY',
  'perspective',
  'position',
  'transform',
  'visibility',
  'webkitTextDecorationsInEffect',
  'webkitTextFillColor',
  'webkitTextSecurity',
  'webkitTextStrokeWidth',
  'zIndex',
] as const satisfies readonly (keyof Declaration)[];

/**
 * Properties read only of a few boxes or on rare paths, about once each (a mask's size, a positioned box's borders, a
 * scroller's direction, the font of a text judged glyph by glyph): read from the live declaration (`style.live`), as
 * remembering them would cost the script a getter each and save next to nothing.
 */
export const liveStyleProperties = [
  'backdropFilter',
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
  'direction',
  'fill',
  'fillOpacity',
  'flexDirection',
  'fontFamily',
  'fontStyle',
  'fontWeight',
  'isolation',
  'maskMode',
  'maskPosition',
  'maskRepeat',
  'maskSize',
  'objectFit',
  'outlineColor',
  'outlineOffset',
  'outlineWidth',
  'rotate',
  'scale',
  'textDecoration',
  'textOverflow',
  'textShadow',
  'translate',
  'webkitTextStrokeColor',
] as const satisfies readonly (keyof Declaration)[];

/** Every computed style property capture reads: the bench's floor (bench/lib/capture-floor.ts) replays them. */
export const computedStyleProperties = [...rememberedStyleProperties, ...liveStyleProperties];

type Properties = Readonly<Pick<Declaration, (typeof computedStyleProperties)[number]>>;

export type ComputedStyle = Readonly<Pick<Declaration, (typeof rememberedStyleProperties)[number]>> & {
  /** The declaration itself, for the properties of `liveStyleProperties`. */
  readonly live: Properties;
};

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

  get live(): Properties {
    return this.#live;
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
  #display?: string;
  get display(): string {
    return (this.#display ??= this.#live.display);
  }
  #filter?: string;
  get filter(): string {
    return (this.#filter ??= this.#live.filter);
  }
  #fontSize?: string;
  get fontSize(): string {
    return (this.#fontSize ??= this.#live.fontSize);
  }
  #maskImage?: string;
  get maskImage(): string {
    return (this.#maskImage ??= this.#live.maskImage);
  }
  #mixBlendMode?: string;
  get mixBlendMode(): string {
    return (this.#mixBlendMode ??= this.#live.mixBlendMode);
  }
  #opacity?: string;
  get opacity(): string {
    return (this.#opacity ??= this.#live.opacity);
  }
  #outlineStyle?: string;
  get outlineStyle(): string {
    return (this.#outlineStyle ??= this.#live.outlineStyle);
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
  #webkitTextStrokeWidth?: string;
  get webkitTextStrokeWidth(): string {
    return (this.#webkitTextStrokeWidth ??= this.#live.webkitTextStrokeWidth);
  }
  #zIndex?: string;
  get zIndex(): string {
    return (this.#zIndex ??= this.#live.zIndex);
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
