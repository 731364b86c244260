import type { ComputedStyle } from './computed-style';

/** Plain rectangles in viewport coordinates, and the clip an element puts on its content. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const everywhere: Box = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };

export function intersect(a: Box, b: Box): Box {
  return {
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
}

/** The smallest box holding both. */
export function union(a: Box, b: Box): Box {
  return {
    left: Math.min(a.left, b.left),
    top: Math.min(a.top, b.top),
    right: Math.max(a.right, b.right),
    bottom: Math.max(a.bottom, b.bottom),
  };
}

/** Narrower or shorter than `minimum` px (a negative size is an empty intersection). */
export const isEmpty = (box: Box, minimum = 0) => box.right - box.left <= minimum || box.bottom - box.top <= minimum;

/** `outer` holds `inner` entirely, give or take a pixel of anti-aliasing. */
export const contains = (outer: Box, inner: Box) =>
  outer.left <= inner.left + 1 &&
  outer.top <= inner.top + 1 &&
  outer.right >= inner.right - 1 &&
  outer.bottom >= inner.bottom - 1;

const clips = (overflow: string) => overflow === 'hidden' || overflow === 'clip';

/**
 * The clip an element's box puts on its descendants: its border box on each axis whose overflow is hidden or
 * clipped (or both under `contain: paint`), and the `clip` rectangle of an absolutely positioned box. Scrolling
 * overflow (auto, scroll) is not a clip: the person scrolls (layout-visibility.ts bounds it by what scrolls into view).
 */
export function clipOf(style: ComputedStyle, element: Element): Box | undefined {
  // A plain inline box neither clips its overflow nor takes paint containment; `display: contents` has no box.
  const display = style.display;
  if (display === 'contents') return undefined;
  const positioned = style.position === 'absolute' || style.position === 'fixed';
  const rectClip = positioned ? clipRect(style.clip, element) : undefined;
  if (display === 'inline') return rectClip;
  const overflow = overflowClip(style, element);
  if (!rectClip) return overflow;
  return overflow ? intersect(overflow, rectClip) : rectClip;
}

/** `clip: rect(top, right, bottom, left)` of an absolutely positioned box, from its border box; `auto` is the edge. */
function clipRect(clip: string, element: Element): Box | undefined {
  if (!clip.startsWith('rect(')) return undefined;
  const values = clip
    .slice(5, -1)
    .split(/[\s,]+/)
    .filter(Boolean);
  if (values.length !== 4) return undefined;
  const box = element.getBoundingClientRect();
  const edge = (value: string | undefined, auto: number) => {
    const px = Number.parseFloat(value ?? '');
    return value === 'auto' || !Number.isFinite(px) ? auto : px;
  };
  return {
    top: box.top + edge(values[0], 0),
    right: box.left + edge(values[1], box.width),
    bottom: box.top + edge(values[2], box.height),
    left: box.left + edge(values[3], 0),
  };
}

function overflowClip(style: ComputedStyle, element: Element): Box | undefined {
  const contain = style.contain;
  const paint = contain !== 'none' && /paint|strict|content/.test(contain);
  const x = paint || clips(style.overflowX);
  const y = paint || clips(style.overflowY);
  if (!x && !y) return undefined;
  const box = element.getBoundingClientRect();
  return {
    left: x ? box.left : -Infinity,
    right: x ? box.right : Infinity,
    top: y ? box.top : -Infinity,
    bottom: y ? box.bottom : Infinity,
  };
}
