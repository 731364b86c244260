import { colorToken, parseColor, type Rgba } from './color';

/**
 * Whether text can be told apart from what is painted behind it, judged as the eye does (WCAG contrast ratio),
 * so "nearly white on white", a colour that blends into a gradient or a blend mode that cancels the glyphs all
 * count as hidden. Under 1.2 nobody reads it; the lightest placeholder greys designers use stay above 1.3.
 */
export const unreadableContrast = 1.2;

function channel(value: number): number {
  const unit = value / 255;
  return unit <= 0.03928 ? unit / 12.92 : ((unit + 0.055) / 1.055) ** 2.4;
}

export function luminance(color: Rgba): number {
  return 0.2126 * channel(color[0]) + 0.7152 * channel(color[1]) + 0.0722 * channel(color[2]);
}

export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `top` painted over an opaque `below`, with `opacity` applied on top of its own alpha. */
export function over(top: Rgba, below: Rgba, opacity = 1): Rgba {
  const alpha = Math.max(0, Math.min(1, top[3] * opacity));
  const mix = (index: 0 | 1 | 2) => top[index] * alpha + below[index] * (1 - alpha);
  return [mix(0), mix(1), mix(2), 1];
}

/** The separable blend modes of `mix-blend-mode`, per channel (0–255): what the glyphs turn into over `below`. */
export function blend(mode: string, top: Rgba, below: Rgba): Rgba {
  const each = (formula: (source: number, backdrop: number) => number): Rgba => [
    formula(top[0] / 255, below[0] / 255) * 255,
    formula(top[1] / 255, below[1] / 255) * 255,
    formula(top[2] / 255, below[2] / 255) * 255,
    top[3],
  ];
  switch (mode) {
    case 'multiply':
      return each((source, backdrop) => source * backdrop);
    case 'screen':
      return each((source, backdrop) => source + backdrop - source * backdrop);
    case 'darken':
      return each(Math.min);
    case 'lighten':
      return each(Math.max);
    case 'difference':
      return each((source, backdrop) => Math.abs(source - backdrop));
    case 'exclusion':
      return each((source, backdrop) => source + backdrop - 2 * source * backdrop);
    default:
      return top;
  }
}

/** Colour stops of every gradient in a `background-image` value; undefined when it paints an image (a url). */
export function gradientColors(backgroundImage: string): Rgba[] | undefined {
  if (backgroundImage.includes('url(') || backgroundImage.includes('image-set(')) return undefined;
  const colors: Rgba[] = [];
  for (const token of backgroundImage.match(colorToken) ?? []) {
    const color = parseColor(token);
    if (color) colors.push(color);
  }
  return colors.length > 0 ? colors : undefined;
}

/** Unreadable against every colour the background shows (one for a plain fill, each stop for a gradient). */
export function unreadableAgainst(text: Rgba, backgrounds: readonly Rgba[]): boolean {
  return backgrounds.every((background) => contrastRatio(text, background) < unreadableContrast);
}

/**
 * The colour functions of a `filter` value that can make text vanish into its background (brightness, contrast,
 * invert, grayscale), applied in order to one colour as the Filter Effects spec defines them. Opacity and blur are
 * judged elsewhere; drop-shadow, and the hue shifts (sepia, saturate, hue-rotate), are taken as leaving the colour
 * as it is (the capture script's size budget). Undefined for a filter with none of them.
 */
export function colorFilterOf(filter: string | undefined): ((color: Rgba) => Rgba) | undefined {
  if (!filter || filter === 'none') return undefined;
  const steps: ((color: Rgba) => Rgba)[] = [];
  for (const match of filter.matchAll(/(brightness|contrast|invert|grayscale)\(\s*(-?[\d.]+)(%)?\s*\)/g)) {
    const [, name = '', number = '0', unit] = match;
    const raw = Number.parseFloat(number);
    const amount = unit === '%' ? raw / 100 : raw;
    steps.push(colorStep(name, amount));
  }
  if (steps.length === 0) return undefined;
  return (color) => steps.reduce((current, step) => step(current), color);
}

const clampUnit = (value: number) => Math.max(0, Math.min(1, value));

/** A per-channel function on 0–1 values, or a 3×3 colour matrix, as one step over 0–255 channels. */
function perChannel(transfer: (value: number) => number): (color: Rgba) => Rgba {
  return ([red, green, blue, alpha]) => [
    clampUnit(transfer(red / 255)) * 255,
    clampUnit(transfer(green / 255)) * 255,
    clampUnit(transfer(blue / 255)) * 255,
    alpha,
  ];
}

function matrix(m: readonly number[]): (color: Rgba) => Rgba {
  return ([red, green, blue, alpha]) => {
    const row = (at: number) =>
      clampUnit(((m[at] ?? 0) * red + (m[at + 1] ?? 0) * green + (m[at + 2] ?? 0) * blue) / 255) * 255;
    return [row(0), row(3), row(6), alpha];
  };
}

function colorStep(name: string, amount: number): (color: Rgba) => Rgba {
  switch (name) {
    case 'brightness':
      return perChannel((value) => value * amount);
    case 'contrast':
      return perChannel((value) => (value - 0.5) * amount + 0.5);
    case 'invert': {
      const share = clampUnit(amount);
      return perChannel((value) => value * (1 - share) + (1 - value) * share);
    }
    case 'grayscale': {
      const g = 1 - clampUnit(amount);
      // biome-ignore format: a 3×3 colour matrix, one row per line
      return matrix([
        0.2126 + 0.7874 * g, 0.7152 - 0.7152 * g, 0.0722 - 0.0722 * g,
        0.2126 - 0.2126 * g, 0.7152 + 0.2848 * g, 0.0722 - 0.0722 * g,
        0.2126 - 0.2126 * g, 0.7152 - 0.7152 * g, 0.0722 + 0.9278 * g,
      ]);
    }
    default:
      return (color) => color;
  }
}
