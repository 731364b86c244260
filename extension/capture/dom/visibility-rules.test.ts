import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { behindViewer, hiddenByMarkup, maskOpacity, maskOutsideBox } from './visibility-rules';

describe('masks', () => {
  it('a luminance mask shows as much as its lightest stop is light', () => {
    expect(maskOpacity('linear-gradient(rgb(0, 0, 0), rgb(0, 0, 0))', 'auto', 'luminance')).toBe(0);
    expect(maskOpacity('linear-gradient(rgb(0, 0, 0), rgb(0, 0, 0))', 'auto', 'match-source')).toBe(1);
    expect(maskOpacity('linear-gradient(rgb(255, 255, 255), rgb(0, 0, 0))', 'auto', 'luminance')).toBeCloseTo(1, 6);
  });

  it('a mask that does not repeat shows nothing when placed past an edge of its box', () => {
    const mask = (maskPosition: string, maskSize = '100% 100%', maskRepeat = 'no-repeat') => ({
      maskImage: 'linear-gradient(rgb(0, 0, 0), rgb(0, 0, 0))',
      maskPosition,
      maskRepeat,
      maskSize,
    });
    expect(maskOutsideBox(mask('-3840px 0px'), 800, 20)).toBe(true);
    expect(maskOutsideBox(mask('0px -500px'), 800, 20)).toBe(true);
    expect(maskOutsideBox(mask('800px 0px', '50% 100%'), 800, 20)).toBe(true);
    expect(maskOutsideBox(mask('0% 0%', '50% 100%'), 800, 20)).toBe(false);
    expect(maskOutsideBox(mask('100% 0%', '50% 100%'), 800, 20)).toBe(false);
    expect(maskOutsideBox(mask('-3840px 0px', '100% 100%', 'repeat'), 800, 20)).toBe(false);
    expect(maskOutsideBox(mask('calc(50% + 4px) 0px'), 800, 20)).toBe(false);
    expect(maskOutsideBox({ ...mask('-300px 0px', 'auto'), maskImage: 'url("mask.png")' }, 800, 20)).toBe(false);
  });
});

describe('behindViewer', () => {
  const translatedBy = (z: number, w = 1) => `matrix3d(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, ${z}, ${w})`;
  it("is behind the eye from the parent perspective's depth on, or when its own perspective() leaves w ≤ 0", () => {
    expect(behindViewer(translatedBy(150), '100px')).toBe(true);
    expect(behindViewer(translatedBy(100), '100px')).toBe(true);
    expect(behindViewer(translatedBy(40), '400px')).toBe(false);
    expect(behindViewer(translatedBy(150), 'none')).toBe(false);
    expect(behindViewer(translatedBy(150, -0.5), 'none')).toBe(true);
    expect(behindViewer('matrix(1, 0, 0, 1, 0, 0)', '100px')).toBe(false);
  });
});

describe('hiddenByMarkup', () => {
  const { document } = parseHTML('<div hidden id="a">x</div><p aria-hidden="true" id="b">y</p>');
  const [shown, ariaHidden] = [document.getElementById('a'), document.getElementById('b')] as [Element, Element];
  it('leaves the hidden attribute to the computed style when there is one, never aria-hidden', () => {
    expect(hiddenByMarkup(shown)).toBe(true);
    expect(hiddenByMarkup(shown, true)).toBe(false);
    expect(hiddenByMarkup(ariaHidden, true)).toBe(true);
  });
});
