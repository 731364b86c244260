import { parseColor, type Rgba } from './color';

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

const colorToken = /#[0-9a-f]{3,8}\b|rgba?\([^)]*\)|\b[a-z]+\b/gi;

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
