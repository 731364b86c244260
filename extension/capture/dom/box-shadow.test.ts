import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxShadows, insetFills, shadowSheet } from './box-shadow';

describe('boxShadows', () => {
  it('reads every shadow of a computed box-shadow, colour first, inset last', () => {
    expect(boxShadows('rgb(255, 255, 255) 0px 0px 0px 3000px, rgba(0, 0, 0, 0.5) 2px -3px 4.5px -5px inset')).toEqual([
      { color: [255, 255, 255, 1], x: 0, y: 0, blur: 0, spread: 3000, inset: false },
      { color: [0, 0, 0, 0.5], x: 2, y: -3, blur: 4.5, spread: -5, inset: true },
    ]);
    expect(boxShadows('none')).toEqual([]);
    expect(boxShadows('')).toEqual([]);
  });

  it('reads a computed text-shadow, which has no spread', () => {
    expect(boxShadows('rgb(0, 0, 0) 0px 0px 12px, rgba(255, 0, 0, 0.5) 1px 2px 0px')).toEqual([
      { color: [0, 0, 0, 1], x: 0, y: 0, blur: 12, spread: 0, inset: false },
      { color: [255, 0, 0, 0.5], x: 1, y: 2, blur: 0, spread: 0, inset: false },
    ]);
  });

  it('leaves out a shadow it cannot read, and never throws on any string', () => {
    expect(boxShadows('rgb(0, 0, 0) 1em 0px 0px 0px, rgb(1, 2, 3) 0px 0px 0px 4px')).toHaveLength(1);
    fc.assert(fc.property(fc.string(), (value) => Array.isArray(boxShadows(value))));
  });
});

describe('shadowSheet', () => {
  const box = { left: 100, top: 100, right: 120, bottom: 120 };
  it('moves the box by the offset and grows it by the spread, less the blur', () => {
    const [shadow] = boxShadows('rgb(255, 255, 255) 10px -10px 4px 50px');
    expect(shadow && shadowSheet(box, shadow)).toEqual({ left: 64, top: 44, right: 176, bottom: 156 });
  });
});

describe('insetFills', () => {
  const [ring] = boxShadows('rgb(0, 0, 0) 0px 0px 0px 3px inset');
  const [flood] = boxShadows('rgb(255, 255, 255) 0px 0px 0px 60px inset');
  const [pushed] = boxShadows('rgb(255, 255, 255) 0px 40px 0px 0px inset');
  const [outer] = boxShadows('rgb(255, 255, 255) 0px 0px 0px 600px');
  it('fills the padding box only when the spread or the offset leaves no hole on one axis', () => {
    expect(ring && insetFills(ring, 300, 40)).toBe(false);
    expect(flood && insetFills(flood, 300, 40)).toBe(true);
    expect(pushed && insetFills(pushed, 300, 40)).toBe(true);
    expect(pushed && insetFills(pushed, 300, 80)).toBe(false);
    expect(outer && insetFills(outer, 300, 40)).toBe(false);
  });
});
