import { describe, expect, it } from 'vitest';
import { clipPathBox } from './clip-path';
import { isEmpty } from './rects';
import { maskOpacity } from './visibility-rules';

/** A 200 × 40 px paragraph, as computed style serialises its clip-path. */
const box = (value: string) => clipPathBox(value, 200, 40);
const showsNothing = (value: string) => {
  const shape = box(value);
  expect(shape, value).toBeDefined();
  // What the element can show: its own box, cut to the shape.
  const visible = {
    left: Math.max(0, shape?.left ?? 0),
    top: Math.max(0, shape?.top ?? 0),
    right: Math.min(200, shape?.right ?? 0),
    bottom: Math.min(40, shape?.bottom ?? 0),
  };
  return isEmpty(visible, 1);
};

describe('clipPathBox', () => {
  it('says which shapes leave nothing of the box', () => {
    for (const value of [
      'inset(0px 100% 0px 0px)',
      'inset(0px 0px 100%)',
      'inset(0px 0px 0px 5000px)',
      'inset(50%)',
      'circle(0px at 50% 50%)',
      'ellipse(0.4px 20px at 0% 0%)',
      'polygon(-900px -900px, -899px -900px, -899px -899px)',
      'polygon(evenodd, 0px 0px, 0px 0px, 0px 0px)',
      'path("M 0 0")',
      'path(evenodd, "M 10 10 h 0.5 v 30 Z")',
      'rect(0px 0px 0px 0px)',
      'xywh(0px 0px 0px 0px)',
      'inset(0px 0px 0px 0px) border-box'.replace('inset(0px 0px 0px 0px)', 'inset(100% 0px 0px)'),
    ])
      expect(showsNothing(value), value).toBe(true);
  });

  it('keeps shapes that show the text, or part of it', () => {
    for (const value of [
      'inset(0px round 4px)',
      'inset(10px 20px)',
      'circle(200% at 50% 50%)',
      'ellipse(100px 20px at 50% 50%)',
      'polygon(0% 0%, 100% 0%, 100% 100%, 0% 100%)',
      'path("M 0 0 L 200 0 L 200 40 Z")',
      'path("m 0 0 c 50 0 150 40 200 40")',
      'rect(0px auto auto 0px)',
      'xywh(0px 0px 100% 100%)',
    ])
      expect(showsNothing(value), value).toBe(false);
  });

  it('follows relative path commands from the current point', () => {
    expect(box('path("M 10 10 l 20 0 l 0 20")')).toEqual({ left: 10, top: 10, right: 30, bottom: 30 });
    expect(box('path("M 0 0 H 50 V 25 h -10 Z")')).toEqual({ left: 0, top: 0, right: 50, bottom: 25 });
  });

  it('answers undefined for what it cannot measure (the text is then kept)', () => {
    for (const value of [
      'url("#clip")',
      'border-box',
      'circle(closest-side at 50% 50%)',
      'circle(at 50% 50%)',
      'inset(calc(10% + 4px))',
      'path("M 0 0 A 10 10 0 0 1 20 20")',
    ])
      expect(box(value), value).toBeUndefined();
  });
});

describe('maskOpacity', () => {
  it('is 0 for an empty mask, the strongest stop otherwise, 1 for an image', () => {
    expect(maskOpacity('none', 'auto')).toBe(1);
    expect(maskOpacity('linear-gradient(rgba(0, 0, 0, 0), rgba(0, 0, 0, 0))', 'auto')).toBe(0);
    expect(maskOpacity('linear-gradient(rgb(0, 0, 0), rgba(0, 0, 0, 0.6))', 'auto')).toBe(1);
    expect(maskOpacity('linear-gradient(rgba(0, 0, 0, 0.05), rgba(0, 0, 0, 0))', 'auto')).toBeCloseTo(0.05);
    expect(maskOpacity('linear-gradient(rgb(0, 0, 0), rgb(0, 0, 0))', '0px 0px')).toBe(0);
    expect(maskOpacity('linear-gradient(rgb(0, 0, 0), rgb(0, 0, 0))', '100px 0px')).toBe(0);
    expect(maskOpacity('linear-gradient(rgb(0, 0, 0), rgb(0, 0, 0))', '10px 0.5px')).toBe(1);
    expect(maskOpacity('url("mask.png")', 'auto')).toBe(1);
  });
});

describe('shapes larger than a call can take arguments', () => {
  it('measures a polygon of 200,000 points', () => {
    const points = Array.from({ length: 200_000 }, (_, index) => `${index % 100}px ${index % 40}px`).join(', ');
    expect(clipPathBox(`polygon(${points})`, 200, 40)).toEqual({ left: 0, right: 99, top: 0, bottom: 39 });
  });

  it('weighs a mask gradient of 200,000 stops', () => {
    const stops = Array.from({ length: 200_000 }, () => 'transparent').join(', ');
    expect(maskOpacity(`linear-gradient(${stops}, rgba(0, 0, 0, 0.5))`, 'auto')).toBe(0.5);
  });
});
