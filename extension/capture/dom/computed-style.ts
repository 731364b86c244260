/**
 * The computed style properties capture reads, as the browser's live declaration answers them. Each read is a call
 * into the browser; a cache of them in script was measured no faster on a first capture (its getters cost what the
 * repeated reads saved), so the rules read the declaration itself and keep what they derive (opacity, clips,
 * backgrounds) per element instead. The list also tells the bench's floor (bench/lib/capture-floor.ts) what to
 * replay.
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
