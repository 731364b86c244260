import { parseColor, type Rgba } from './color';
import type { Box } from './rects';

/** One shadow of a computed `box-shadow`. */
export interface BoxShadow {
  color: Rgba;
  x: number;
  y: number;
  blur: number;
  spread: number;
  inset: boolean;
}

/**
 * The shadows of a computed `box-shadow` or `text-shadow`, as browsers serialise them: colour first, then x, y, blur
 * and (box shadows only) spread in px, then `inset` (`rgb(255, 255, 255) 0px 0px 0px 3000px, rgba(0, 0, 0, 0.5) 2px
 * 3px 4px 5px inset`). A shadow it cannot read is left out.
 */
export function boxShadows(value: string): BoxShadow[] {
  if (!value || value === 'none') return [];
  return value.split(/,(?![^(]*\))/).flatMap((part) => {
    const match = part
      .trim()
      .match(/^(\S+|\S+\([^)]*\)) (-?[\d.]+)px (-?[\d.]+)px ([\d.]+)px(?: (-?[\d.]+)px)?( inset)?$/);
    const color = parseColor(match?.[1]);
    if (!match || !color) return [];
    const [x, y, blur, spread] = match.slice(2, 6).map((value) => Number(value ?? 0)) as [
      number,
      number,
      number,
      number,
    ];
    return [{ color, x, y, blur, spread, inset: match[6] !== undefined }];
  });
}

/**
 * Where an outer shadow paints solid: the box moved by the offset and grown by the spread, less the band its blur
 * fades over. (It is never painted under the box itself: see the cover's hole in occlusion.ts.)
 */
export function shadowSheet(box: Box, shadow: BoxShadow): Box {
  const grow = shadow.spread - shadow.blur;
  return {
    left: box.left + shadow.x - grow,
    top: box.top + shadow.y - grow,
    right: box.right + shadow.x + grow,
    bottom: box.bottom + shadow.y + grow,
  };
}

/**
 * Whether an inset shadow covers the whole padding box it is painted in (`width` × `height`): its spread, from
 * each side or pushed by its offset, leaves no hole on one axis. It is then the colour under the box's content.
 */
export function insetFills(shadow: BoxShadow, width: number, height: number): boolean {
  const closed = (extent: number, offset: number) =>
    2 * shadow.spread >= extent || Math.abs(offset) + shadow.spread >= extent;
  return shadow.inset && (closed(width, shadow.x) || closed(height, shadow.y));
}
