import { colorToken, parseColor, type Rgba } from './color';

/**
 * Colours as a page's own declarations write them (hex, a few names), turned into the functional notation computed
 * style gives (color.ts reads only that). Only the declared-style judge needs this (declared-visibility.ts, where
 * there is no layout engine: unit tests under linkedom); in the browser, computed style has done it already, so
 * the capture script carries none of it.
 */
const named: Record<string, Rgba> = {
  transparent: [0, 0, 0, 0],
  white: [255, 255, 255, 1],
  black: [0, 0, 0, 1],
  red: [255, 0, 0, 1],
  green: [0, 128, 0, 1],
  blue: [0, 0, 255, 1],
  gray: [128, 128, 128, 1],
  grey: [128, 128, 128, 1],
  silver: [192, 192, 192, 1],
  yellow: [255, 255, 0, 1],
  whitesmoke: [245, 245, 245, 1],
  snow: [255, 250, 250, 1],
  ivory: [255, 255, 240, 1],
};

function fromHex(hex: string): Rgba | undefined {
  const digits = hex.length <= 4 ? [...hex].map((digit) => digit + digit).join('') : hex;
  if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/i.test(digits)) return undefined;
  const channel = (at: number) => Number.parseInt(digits.slice(at, at + 2), 16);
  return [channel(0), channel(2), channel(4), digits.length === 8 ? channel(6) / 255 : 1];
}

const rgba = ([red, green, blue, alpha]: Rgba) => `rgba(${red}, ${green}, ${blue}, ${alpha})`;

/** A declared value with its hex and named colours written as `rgba()`, as computed style would give them. */
export function asComputed(value: string | undefined): string | undefined {
  return value?.replace(/#([0-9a-f]{3,8})\b|\b[a-z]+\b(?!\()/gi, (token, hex?: string) => {
    const color = hex ? fromHex(hex) : named[token.toLowerCase()];
    return color ? rgba(color) : token;
  });
}

/** The first colour of a `background` shorthand ("#fff url(x) no-repeat" → #fff). */
export function colorInBackground(value: string | undefined): Rgba | undefined {
  for (const token of asComputed(value)?.match(colorToken) ?? []) {
    const color = parseColor(token);
    if (color) return color;
  }
  return undefined;
}
