import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colorToken, parseColor } from './color';
import { colorFilterOf, gradientColors } from './contrast';
import { asComputed, colorInBackground } from './declared-colors';

/** Within one step of 0–255 per channel: conversions between spaces round. */
function near(actual: readonly number[] | undefined, expected: readonly number[]): void {
  expect(actual, 'parsed').toBeDefined();
  (actual ?? []).slice(0, 3).forEach((channel, index) => {
    expect(Math.abs(channel - (expected[index] ?? 0))).toBeLessThanOrEqual(1);
  });
  expect(actual?.[3]).toBeCloseTo(expected[3] ?? 1, 5);
}

describe('parseColor', () => {
  it('reads what computed style gives for CSS Color 4 spaces, as sRGB', () => {
    near(parseColor('oklch(1 0 0)'), [255, 255, 255, 1]);
    near(parseColor('oklch(0 0 0)'), [0, 0, 0, 1]);
    near(parseColor('oklab(1 0 0 / 0.5)'), [255, 255, 255, 0.5]);
    near(parseColor('lab(100 0 0)'), [255, 255, 255, 1]);
    near(parseColor('lch(0 0 0)'), [0, 0, 0, 1]);
    near(parseColor('color(srgb 0.95 0.95 0.95)'), [242, 242, 242, 1]);
    near(parseColor('color(srgb-linear 1 1 1)'), [255, 255, 255, 1]);
    near(parseColor('color(display-p3 1 1 1)'), [255, 255, 255, 1]);
    near(parseColor('color(xyz-d65 0 0 0 / 0.25)'), [0, 0, 0, 0.25]);
    // Tailwind's gray-900 and slate-600, as computed style serialises them.
    near(parseColor('oklch(0.21 0.034 264.665)'), [16, 24, 40, 1]);
    near(parseColor('oklch(0.446 0.043 257.281)'), [69, 85, 108, 1]);
  });

  it('reads percentages and `none` as declared styles may write them', () => {
    near(parseColor('oklch(100% 0 0)'), [255, 255, 255, 1]);
    near(parseColor('lab(50% 0 none)'), parseColor('lab(50 0 0)') ?? []);
    near(parseColor('color(srgb 100% 0% 0% / 50%)'), [255, 0, 0, 0.5]);
  });

  it('clamps colours outside sRGB instead of failing', () => {
    const red = parseColor('color(display-p3 1 0 0)');
    near(red, [255, 0, 0, 1]);
  });

  it('answers undefined for what it cannot read', () => {
    for (const value of [
      'color(unknown-space 1 1 1)',
      'color(rec2020 1 1 1)',
      'oklch(1)',
      'lab(a b c)',
      'oklch(1 0 0 / x)',
      'currentcolor',
    ])
      expect(parseColor(value), value).toBeUndefined();
  });

  it('agrees with rgb() for every sRGB colour written as color(srgb …)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        (r, g, b) => {
          const modern = parseColor(`color(srgb ${r / 255} ${g / 255} ${b / 255})`);
          near(modern, parseColor(`rgb(${r}, ${g}, ${b})`) ?? []);
        },
      ),
    );
  });

  it('finds modern colours in gradients and shorthands', () => {
    expect('linear-gradient(oklch(1 0 0), color(srgb 0 0 0))'.match(colorToken)).toContain('oklch(1 0 0)');
    const stops = gradientColors('linear-gradient(oklch(1 0 0) 0%, color(srgb 0 0 0) 100%)');
    expect(stops).toHaveLength(2);
    near(stops?.[0], [255, 255, 255, 1]);
    near(stops?.[1], [0, 0, 0, 1]);
  });
});

describe('colorFilterOf', () => {
  it('applies the colour functions of a filter in order, as computed style writes them', () => {
    near(colorFilterOf('brightness(100)')?.([51, 51, 51, 1]), [255, 255, 255, 1]);
    near(colorFilterOf('brightness(0)')?.([255, 255, 255, 1]), [0, 0, 0, 1]);
    near(colorFilterOf('contrast(0)')?.([0, 0, 0, 1]), [128, 128, 128, 1]);
    near(colorFilterOf('invert(1)')?.([0, 0, 0, 0.5]), [255, 255, 255, 0.5]);
    near(colorFilterOf('invert(50%)')?.([0, 0, 0, 1]), [128, 128, 128, 1]);
    near(colorFilterOf('grayscale(1)')?.([255, 0, 0, 1]), [54, 54, 54, 1]);
    near(colorFilterOf('invert(1) brightness(0.5)')?.([0, 0, 0, 1]), [128, 128, 128, 1]);
  });

  it('is undefined for filters that change no colour', () => {
    expect(colorFilterOf('none')).toBeUndefined();
    expect(colorFilterOf('blur(2px) opacity(0.5)')).toBeUndefined();
    expect(colorFilterOf('drop-shadow(rgb(0, 0, 0) 0px 0px 2px)')).toBeUndefined();
    expect(colorFilterOf('hue-rotate(90deg) sepia(1)')).toBeUndefined();
  });
});

describe('declared colours', () => {
  it('writes hex and named colours as computed style would, leaving the rest of the value as it was', () => {
    expect(asComputed('#fff')).toBe('rgba(255, 255, 255, 1)');
    expect(asComputed('#00000080')).toBe('rgba(0, 0, 0, 0.5019607843137255)');
    expect(asComputed('linear-gradient(to right, white, #000 50%)')).toBe(
      'linear-gradient(to right, rgba(255, 255, 255, 1), rgba(0, 0, 0, 1) 50%)',
    );
    expect(asComputed('rgb(1, 2, 3) 0px 0px 2px')).toBe('rgb(1, 2, 3) 0px 0px 2px');
    expect(asComputed(undefined)).toBeUndefined();
    near(parseColor(asComputed('Transparent')), [0, 0, 0, 0]);
  });

  it('finds the colour of a background shorthand, whatever notation it is in', () => {
    near(colorInBackground('#fff url(x.png) no-repeat'), [255, 255, 255, 1]);
    near(colorInBackground('no-repeat center oklch(0 0 0)'), [0, 0, 0, 1]);
    expect(colorInBackground('url(x.png)')).toBeUndefined();
  });

  it('reads only the notations computed style writes: hex and names are the declared path’s to turn', () => {
    expect(parseColor('#fff')).toBeUndefined();
    expect(parseColor('white')).toBeUndefined();
  });
});
