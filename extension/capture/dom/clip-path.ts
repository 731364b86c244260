import { type Box, union } from './rects';

/**
 * The region a `clip-path` basic shape leaves visible, as a bounding box in the element's own coordinates (origin at
 * its border box's top-left corner, `width` × `height` its size). A box that is empty, or lies outside the element,
 * shows nothing; a partial one clips the element's text like an overflow clip. Shapes are read as computed style
 * serialises them — inset(), circle(), ellipse(), polygon(), path(), and rect() / xywh() for engines that keep
 * them — and a reference box keyword after the shape is taken as the border box. Anything else (a url() to an SVG
 * clip path, a bare box keyword) answers undefined: not known to clip, so the text is kept.
 */
export function clipPathBox(value: string, width: number, height: number): Box | undefined {
  const shape = value.trim().match(/^([a-z]+)\(([\s\S]*)\)/i);
  if (!shape) return undefined;
  const [, name = '', inner = ''] = shape;
  switch (name.toLowerCase()) {
    case 'inset':
      return inset(inner, width, height);
    case 'rect':
      return rect(inner, width, height);
    case 'xywh':
      return xywh(inner, width, height);
    case 'circle':
    case 'ellipse':
      return ellipse(name.toLowerCase() === 'circle', inner, width, height);
    case 'polygon':
      return polygon(inner, width, height);
    case 'path':
      return pathBox(inner);
    default:
      return undefined;
  }
}

/** A length or percentage of `basis` in px; NaN for what it cannot read (calc(), other units). */
function length(token: string | undefined, basis: number): number {
  if (!token) return Number.NaN;
  const number = Number.parseFloat(token);
  if (!Number.isFinite(number)) return Number.NaN;
  if (token.endsWith('%')) return (number / 100) * basis;
  return /^-?[\d.]+(e[+-]?\d+)?(px)?$/i.test(token) ? number : Number.NaN;
}

/** `top right bottom left`, CSS shorthand style (1 to 4 values). */
function sides(tokens: string[]): [string, string, string, string] | undefined {
  const [top, right = top, bottom = top, left = right] = tokens;
  if (top === undefined || right === undefined || bottom === undefined || left === undefined) return undefined;
  return [top, right, bottom, left];
}

const finiteBox = (box: Box) => (Object.values(box).every(Number.isFinite) ? box : undefined);

function inset(inner: string, width: number, height: number): Box | undefined {
  const tokens = (inner.split(/\bround\b/)[0] ?? '').trim().split(/\s+/).filter(Boolean);
  const values = sides(tokens);
  if (!values) return undefined;
  const [top, right, bottom, left] = values;
  return finiteBox({
    top: length(top, height),
    right: width - length(right, width),
    bottom: height - length(bottom, height),
    left: length(left, width),
  });
}

/** rect(top right bottom left), each measured from the top or left edge; `auto` is the edge itself. */
function rect(inner: string, width: number, height: number): Box | undefined {
  const tokens = (inner.split(/\bround\b/)[0] ?? '')
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (tokens.length !== 4) return undefined;
  const [top, right, bottom, left] = tokens as [string, string, string, string];
  const edge = (token: string, auto: number, basis: number) => (token === 'auto' ? auto : length(token, basis));
  return finiteBox({
    top: edge(top, 0, height),
    right: edge(right, width, width),
    bottom: edge(bottom, height, height),
    left: edge(left, 0, width),
  });
}

function xywh(inner: string, width: number, height: number): Box | undefined {
  const tokens = (inner.split(/\bround\b/)[0] ?? '').trim().split(/\s+/).filter(Boolean);
  if (tokens.length !== 4) return undefined;
  const [x, y, w, h] = tokens as [string, string, string, string];
  const left = length(x, width);
  const top = length(y, height);
  return finiteBox({ left, top, right: left + length(w, width), bottom: top + length(h, height) });
}

/** A position (`at X Y`): lengths, percentages or the edge keywords. */
function position(tokens: string[], width: number, height: number): [number, number] {
  const keyword: Record<string, number> = { left: 0, top: 0, center: 0.5, right: 1, bottom: 1 };
  const [first = 'center', second = 'center'] = tokens;
  // "top left" names the vertical edge first.
  const [x, y] =
    first === 'top' || first === 'bottom' || second === 'left' || second === 'right'
      ? [second, first]
      : [first, second];
  const along = (token: string, basis: number) =>
    token in keyword ? (keyword[token] ?? 0.5) * basis : length(token, basis);
  return [along(x, width), along(y, height)];
}

function ellipse(circle: boolean, inner: string, width: number, height: number): Box | undefined {
  const [radiusText = '', positionText = ''] = inner.split(/\bat\b/);
  const radii = radiusText.trim().split(/\s+/).filter(Boolean);
  const [cx, cy] = position(positionText.trim().split(/\s+/).filter(Boolean), width, height);
  // closest-side / farthest-side and an omitted radius reach at least to the nearest edge: not a clip to judge by.
  const radius = (token: string | undefined, basis: number) =>
    token === undefined ? Number.NaN : length(token, basis);
  const diagonal = Math.hypot(width, height) / Math.SQRT2;
  const rx = circle ? radius(radii[0], diagonal) : radius(radii[0], width);
  const ry = circle ? rx : radius(radii[1], height);
  if (!Number.isFinite(rx) || !Number.isFinite(ry)) return undefined;
  return finiteBox({ left: cx - rx, right: cx + rx, top: cy - ry, bottom: cy + ry });
}

function polygon(inner: string, width: number, height: number): Box | undefined {
  const points = inner
    .replace(/^\s*(nonzero|evenodd)\s*,/, '')
    .split(',')
    .map((point) => point.trim().split(/\s+/));
  const xs = points.map(([x]) => length(x, width));
  const ys = points.map(([, y]) => length(y, height));
  if (xs.length === 0) return undefined;
  // Loops, not spreads: a page's polygon may have more points than a call can take arguments.
  const lowest = (values: number[]) => values.reduce((low, value) => Math.min(low, value), Number.POSITIVE_INFINITY);
  const highest = (values: number[]) => values.reduce((high, value) => Math.max(high, value), Number.NEGATIVE_INFINITY);
  return finiteBox({ left: lowest(xs), right: highest(xs), top: lowest(ys), bottom: highest(ys) });
}

/**
 * The bounding box of an SVG path's points (control points included, so it holds the curve). Arcs are not
 * followed: a path with one answers undefined.
 */
function pathBox(inner: string): Box | undefined {
  const data = inner.match(/["']([^"']*)["']/)?.[1];
  if (data === undefined || /[aA]/.test(data)) return undefined;
  const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  const add = (x: number, y: number) => {
    box.left = Math.min(box.left, x);
    box.right = Math.max(box.right, x);
    box.top = Math.min(box.top, y);
    box.bottom = Math.max(box.bottom, y);
  };
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  for (const [, command = '', args = ''] of data.matchAll(/([MLHVCSQTZmlhvcsqtz])([^MLHVCSQTZmlhvcsqtz]*)/g)) {
    const numbers = (args.match(/-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/gi) ?? []).map(Number);
    const relative = command === command.toLowerCase();
    const upper = command.toUpperCase();
    if (upper === 'Z') {
      x = startX;
      y = startY;
      continue;
    }
    if (upper === 'H' || upper === 'V') {
      for (const value of numbers) {
        if (upper === 'H') x = relative ? x + value : value;
        else y = relative ? y + value : value;
        add(x, y);
      }
      continue;
    }
    // Every other command takes x,y pairs; the last pair of each group is the new current point.
    const group = upper === 'C' ? 3 : upper === 'S' || upper === 'Q' ? 2 : 1;
    for (let index = 0; index + 1 < numbers.length; index += 2 * group) {
      const baseX = x;
      const baseY = y;
      for (let pair = 0; pair < group && index + 2 * pair + 1 < numbers.length; pair++) {
        const px = (numbers[index + 2 * pair] ?? 0) + (relative ? baseX : 0);
        const py = (numbers[index + 2 * pair + 1] ?? 0) + (relative ? baseY : 0);
        add(px, py);
        x = px;
        y = py;
      }
      if (upper === 'M' && index === 0) {
        startX = x;
        startY = y;
      }
    }
  }
  return Number.isFinite(box.left) ? box : undefined;
}

/**
 * The box an SVG `<clipPath>` referenced by `url(#id)` lets through, relative to the element's box (as
 * clipPathBox): the union of its shapes' boxes, scaled to the box for `objectBoundingBox` units. Nothing when it has
 * no shape; undefined (not judged) when it cannot be found or a transform moves its shapes.
 */
export function svgClipBox(element: Element, clipPath: string, box: DOMRect): Box | undefined {
  const id = /^url\("?#([^"()]+)"?\)$/.exec(clipPath)?.[1];
  const root = element.getRootNode() as Document | ShadowRoot;
  const clip = id ? root.getElementById(id) : null;
  if (clip?.localName !== 'clipPath' || clip.hasAttribute('transform')) return undefined;
  let shown: Box = { left: 0, top: 0, right: 0, bottom: 0 };
  let first = true;
  for (const shape of clip.children) {
    if (shape.hasAttribute('transform') || typeof (shape as SVGGraphicsElement).getBBox !== 'function')
      return undefined;
    const { x, y, width, height } = (shape as SVGGraphicsElement).getBBox();
    const bounds = { left: x, top: y, right: x + width, bottom: y + height };
    shown = first ? bounds : union(shown, bounds);
    first = false;
  }
  const [sx, sy] = clip.getAttribute('clipPathUnits') === 'objectBoundingBox' ? [box.width, box.height] : [1, 1];
  return { left: shown.left * sx, top: shown.top * sy, right: shown.right * sx, bottom: shown.bottom * sy };
}
