/** Just enough colour parsing to tell "text the same colour as its background" from readable text. */

export type Rgba = readonly [number, number, number, number];

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

function parse(value: string): Rgba | undefined {
  const text = value.trim().toLowerCase();
  if (text.startsWith('#')) return fromHex(text.slice(1));
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
  return named[text];
}

/** The first colour token of a `background` shorthand ("#fff url(x) no-repeat" → #fff). */
export function colorInBackground(value: string | undefined): Rgba | undefined {
  if (!value) return undefined;
  const token = value.match(/#[0-9a-f]{3,8}\b|rgba?\([^)]*\)|\b[a-z]+\b/gi) ?? [];
  for (const candidate of token) {
    const color = parseColor(candidate);
    if (color) return color;
  }
  return undefined;
}

/** Near-identical colours count as equal: #fefefe text on white is as unreadable as #fff. */
export function indistinguishable(text: Rgba, background: Rgba): boolean {
  const distance =
    Math.abs(text[0] - background[0]) + Math.abs(text[1] - background[1]) + Math.abs(text[2] - background[2]);
  return distance < 24;
}
