/**
 * What an SVG filter referred to by `filter: url(#id)` does to alpha: a `<feComponentTransfer>` whose alpha function
 * maps everything to 0, or a colour matrix whose alpha row is empty, makes a box as transparent as `opacity: 0`,
 * while the opacity property still says 1.
 *
 * A chain of primitives is followed while each takes the one before it as input and acts on each pixel's alpha on
 * its own (component transfers, colour matrices) or cannot raise it (blur, offset, morphology). Anything else (a
 * flood, a merge, a composite, an image, a primitive reading an earlier named result) may paint what the chain
 * does not say, so the filter is taken to let everything through: text is kept when the filter is not understood.
 */

/** The alphas a pixel can have at one point of the chain: [lowest, highest], within 0–1. */
type AlphaRange = readonly [number, number];

const clamp = (value: number) => Math.min(1, Math.max(0, value));
const numbers = (value: string | null) =>
  (value ?? '')
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
const numberAttribute = (element: Element, name: string, fallback: number) => {
  const value = Number.parseFloat(element.getAttribute(name) ?? '');
  return Number.isFinite(value) ? value : fallback;
};

/** Lowest and highest of `values`, clamped to 0–1: a loop, as a page's table may hold more values than a call's arguments. */
function extent(values: Iterable<number>): AlphaRange {
  let lowest = 1;
  let highest = 0;
  for (const value of values) {
    const alpha = clamp(value);
    if (alpha < lowest) lowest = alpha;
    if (alpha > highest) highest = alpha;
  }
  return lowest <= highest ? [lowest, highest] : [0, 0];
}

/** The range of `f` over [low, high] for a function linear between `breakpoints` (each inside 0–1). */
function rangeOf(f: (alpha: number) => number, [low, high]: AlphaRange, breakpoints: number[]): AlphaRange {
  return extent([low, high, ...breakpoints.filter((at) => at > low && at < high)].map(f));
}

/** A `<feFuncA>` applied to the alphas in `input`. */
function transferAlpha(func: Element, input: AlphaRange): AlphaRange | undefined {
  const type = func.getAttribute('type') ?? 'identity';
  if (type === 'identity') return input;
  if (type === 'table' || type === 'discrete') {
    const values = numbers(func.getAttribute('tableValues'));
    if (values.length === 0 || values.some((value) => !Number.isFinite(value))) return input; // an empty table changes nothing
    const n = values.length;
    if (type === 'discrete') {
      const first = Math.min(n - 1, Math.floor(input[0] * n));
      const last = Math.min(n - 1, Math.floor(input[1] * n));
      return extent(values.slice(first, last + 1));
    }
    if (n === 1) return [clamp(values[0] ?? 0), clamp(values[0] ?? 0)];
    const at = (alpha: number) => {
      const k = Math.min(n - 2, Math.floor(alpha * (n - 1)));
      const from = values[k] ?? 0;
      const to = values[k + 1] ?? 0;
      return from + (alpha * (n - 1) - k) * (to - from);
    };
    return rangeOf(
      at,
      input,
      values.map((_, k) => k / (n - 1)),
    );
  }
  if (type === 'linear') {
    const slope = numberAttribute(func, 'slope', 1);
    const intercept = numberAttribute(func, 'intercept', 0);
    return rangeOf((alpha) => slope * alpha + intercept, input, []);
  }
  if (type === 'gamma') {
    const amplitude = numberAttribute(func, 'amplitude', 1);
    const exponent = numberAttribute(func, 'exponent', 1);
    const offset = numberAttribute(func, 'offset', 0);
    if (!(exponent > 0)) return undefined;
    return rangeOf((alpha) => amplitude * alpha ** exponent + offset, input, []);
  }
  return undefined;
}

/**
 * A `<feColorMatrix>` applied to the alphas in `input`: its alpha row weighs the pixel's colour channels, which may
 * be anything from 0 to 1, and its alpha.
 */
function matrixAlpha(primitive: Element, input: AlphaRange): AlphaRange | undefined {
  const type = primitive.getAttribute('type') ?? 'matrix';
  if (type === 'saturate' || type === 'hueRotate') return input;
  if (type === 'luminanceToAlpha') return [0, 1];
  if (type !== 'matrix') return undefined;
  const values = numbers(primitive.getAttribute('values'));
  // Without its 20 numbers the matrix is the identity.
  if (values.length !== 20 || values.some((value) => !Number.isFinite(value))) return input;
  const [red = 0, green = 0, blue = 0, alpha = 0, constant = 0] = values.slice(15);
  const colours = [red, green, blue];
  const low = constant + colours.reduce((sum, weight) => sum + Math.min(0, weight), 0);
  const high = constant + colours.reduce((sum, weight) => sum + Math.max(0, weight), 0);
  const scaled = [alpha * input[0], alpha * input[1]];
  return [clamp(low + Math.min(...scaled)), clamp(high + Math.max(...scaled))];
}

/** Primitives that move or spread a pixel's alpha but never raise the highest one. */
const neverRaise = new Set(['fegaussianblur', 'feoffset', 'femorphology']);

/** An SVG element's name in lower case: an HTML parser without SVG's name table (unit tests) gives it so. */
const nameOf = (element: Element) => element.localName.toLowerCase();

/** The alphas a `<filter>`'s output can have, or undefined when its chain is not one this reads. */
function filterAlpha(filter: Element): AlphaRange | undefined {
  // A region of no width or height: the filter draws nothing at all.
  if (numberAttribute(filter, 'width', 1) <= 0 || numberAttribute(filter, 'height', 1) <= 0) return [0, 0];
  let range: AlphaRange = [0, 1];
  let previous: string | undefined;
  for (const primitive of filter.children) {
    const input = primitive.getAttribute('in');
    // Each primitive reads the one before it (by default, or by its result's name); the first, the box itself.
    const first = primitive === filter.firstElementChild;
    const chained =
      input === null || (first ? input === 'SourceGraphic' || input === 'SourceAlpha' : input === previous);
    if (!chained) return undefined;
    const name = nameOf(primitive);
    let next: AlphaRange | undefined;
    if (name === 'fecomponenttransfer') {
      const func = Array.from(primitive.children).find((child) => nameOf(child) === 'fefunca');
      next = func ? transferAlpha(func, range) : range;
    } else if (name === 'fecolormatrix') next = matrixAlpha(primitive, range);
    else if (neverRaise.has(name)) next = [0, range[1]];
    if (!next) return undefined;
    range = next;
    previous = primitive.getAttribute('result') ?? undefined;
  }
  return range;
}

/**
 * How much of a box's alpha the SVG filters its `filter` refers to (`url(#id)`, within the box's own document or
 * shadow tree) let through at most: 0 when no pixel can show, 1 when they let everything through or are not
 * understood. A reference to no filter is ignored by the browser, and here.
 */
export function svgFilterOpacity(element: Element, filter: string): number {
  let opacity = 1;
  for (const [, id] of filter.matchAll(/url\(\s*"?#([^")]+)"?\s*\)/g)) {
    const root = element.getRootNode() as Document | ShadowRoot;
    const target = (typeof root.getElementById === 'function' ? root.getElementById(id ?? '') : null) ?? null;
    if (target?.localName !== 'filter') continue;
    const range = filterAlpha(target);
    if (range) opacity *= range[1];
  }
  return opacity;
}
