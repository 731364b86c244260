import {
  convertLabToRgb,
  convertLchToLab,
  convertLrgbToRgb,
  convertOklabToRgb,
  convertP3ToXyz65,
  convertXyz50ToRgb,
  convertXyz65ToRgb,
} from 'culori/fn';

/**
 * Just enough colour parsing to tell "text the same colour as its background" from readable text, as computed
 * style writes colours. It turns hex, names, hsl() and hwb() into rgb(), but keeps the CSS Color 4 spaces as
 * written (oklch(), lab(), color(display-p3 …), and color(srgb …) for a color-mix()): those are converted to sRGB
 * with culori's conversions, since a page styled in them (Tailwind's palette is oklch) would otherwise hide nothing
 * by colour and, worse, have its dark backgrounds read as white. Declared styles (hex, names) are turned into these
 * notations first (declared-colors.ts), outside the capture script.
 */

export type Rgba = readonly [number, number, number, number];

/**
 * Parsed colours by their text: a page uses a handful of colours, and capture asks about each element's ink and
 * background. Bounded, since declared styles (unit tests, any DOM without layout) may carry any text.
 */
const parsed = new Map<string, Rgba | undefined>();
const parsedLimit = 512;

export function parseColor(value: string | undefined): Rgba | undefined {
  if (!value) return undefined;
  if (parsed.has(value)) return parsed.get(value);
  const color = parse(value);
  if (parsed.size >= parsedLimit) parsed.clear();
  parsed.set(value, color);
  return color;
}

/** sRGB channels 0–1 (out of gamut clamped) and alpha → Rgba. */
function fromUnit(color: { r: number; g: number; b: number }, alpha: number): Rgba {
  const channel = (value: number) => Math.round(Math.max(0, Math.min(1, Number.isFinite(value) ? value : 0)) * 255);
  return [channel(color.r), channel(color.g), channel(color.b), alpha];
}

/** One component: a number, a percentage of `percentScale`, or `none` (zero). */
function component(part: string | undefined, percentScale: number): number {
  if (!part || part === 'none') return 0;
  const number = Number.parseFloat(part);
  if (!Number.isFinite(number)) return Number.NaN;
  return part.endsWith('%') ? (number / 100) * percentScale : number;
}

/** `space(c1 c2 c3 / alpha)` → the three components' text and the alpha (1 when not given). */
function componentsOf(inner: string): { parts: string[]; alpha: number } | undefined {
  const [channels = '', alphaText] = inner.split('/');
  const parts = channels
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (parts.length < 3) return undefined;
  const alpha = alphaText === undefined ? 1 : component(alphaText.trim(), 1);
  return Number.isFinite(alpha) ? { parts, alpha: Math.max(0, Math.min(1, alpha)) } : undefined;
}

/**
 * `color(<space> r g b [/ a])`: the predefined colour spaces of CSS Color 4 that pages use (sRGB, linear sRGB,
 * Display P3, XYZ). The print and video spaces (a98-rgb, prophoto-rgb, rec2020) answer undefined, as if unknown:
 * the capture script has a size budget, and their conversions would spend it on colours the web hardly uses.
 */
function fromColorFunction(inner: string): Rgba | undefined {
  const [space = '', ...rest] = inner.trim().split(/\s+/);
  const parsed = componentsOf(rest.join(' '));
  if (!parsed) return undefined;
  const [first, second, third] = parsed.parts.map((part) => component(part, 1)) as [number, number, number];
  const rgb = { r: first, g: second, b: third };
  const xyz = { x: first, y: second, z: third };
  switch (space) {
    case 'srgb':
      return fromUnit(rgb, parsed.alpha);
    case 'srgb-linear':
      return fromUnit(convertLrgbToRgb(rgb), parsed.alpha);
    case 'display-p3':
      return fromUnit(convertXyz65ToRgb(convertP3ToXyz65(rgb)), parsed.alpha);
    case 'xyz':
    case 'xyz-d65':
      return fromUnit(convertXyz65ToRgb(xyz), parsed.alpha);
    case 'xyz-d50':
      return fromUnit(convertXyz50ToRgb(xyz), parsed.alpha);
    default:
      return undefined;
  }
}

/** lab(), lch(), oklab(), oklch(), with each space's own scale for percentages. */
function fromLabFamily(name: string, inner: string): Rgba | undefined {
  const parsed = componentsOf(inner);
  if (!parsed) return undefined;
  const [lightness = '', second, third] = parsed.parts;
  const ok = name.startsWith('ok');
  const l = component(lightness, ok ? 1 : 100);
  const polar = name.endsWith('ch');
  const chromaScale = ok ? 0.4 : polar ? 150 : 125;
  const a = component(second, chromaScale);
  const b = polar ? Number.parseFloat(third === 'none' || !third ? '0' : third) : component(third, chromaScale);
  if (![l, a, b].every(Number.isFinite)) return undefined;
  const lab = polar ? convertLchToLab({ l, c: a, h: b }) : { l, a, b };
  return fromUnit(ok ? convertOklabToRgb(lab) : convertLabToRgb(lab), parsed.alpha);
}

function parse(value: string): Rgba | undefined {
  const text = value.trim().toLowerCase();
  const modern = text.match(/^(color|lab|lch|oklab|oklch)\(([^()]*)\)$/);
  if (modern) {
    const [, name = '', inner = ''] = modern;
    return name === 'color' ? fromColorFunction(inner) : fromLabFamily(name, inner);
  }
  const functional = text.match(/^rgba?\(([^)]+)\)$/);
  if (functional) {
    const parts = (functional[1] ?? '').split(/[\s,/]+/).filter(Boolean);
    const numbers = parts.map((part) =>
      part.endsWith('%') ? (Number.parseFloat(part) / 100) * 255 : Number.parseFloat(part),
    );
    const [red = 0, green = 0, blue = 0] = numbers;
    const alphaPart = parts[3];
    const alpha =
      alphaPart === undefined ? 1 : alphaPart.endsWith('%') ? Number.parseFloat(alphaPart) / 100 : Number(alphaPart);
    return [red, green, blue, alpha];
  }
  return undefined;
}

/** Colour tokens in a longer value (a gradient, a shadow), in the functional notations computed style writes. */
export const colorToken = /(?:rgba?|color|lab|lch|oklab|oklch)\([^()]*\)/gi;

/** Near-identical colours count as equal: #fefefe text on white is as unreadable as #fff. */
export function indistinguishable(text: Rgba, background: Rgba): boolean {
  const distance =
    Math.abs(text[0] - background[0]) + Math.abs(text[1] - background[1]) + Math.abs(text[2] - background[2]);
  return distance < 24;
}
