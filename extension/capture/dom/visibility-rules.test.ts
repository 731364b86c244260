import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  behindViewer,
  hiddenByMarkup,
  maskOpacity,
  maskOutsideBox,
  type Placement,
  shearedFlat,
  turnedAway,
} from './visibility-rules';

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

/**
 * Computed matrices as the browser gives them (column-major, `matrix3d(m11, m12, …, m44)`), read as the placement
 * rules read a DOMMatrix: no DOMMatrix here, and none is needed to check the rules.
 */
function placed(computed: string): Placement {
  const values = computed
    .slice(computed.indexOf('(') + 1)
    .split(',')
    .map(Number.parseFloat);
  if (!computed.startsWith('matrix3d(')) {
    const [a = 1, b = 0, c = 0, d = 1] = values;
    return { a, b, c, d, m33: 1, m43: 0, m44: 1 };
  }
  const [a = 1, b = 0, , , c = 0, d = 1] = values;
  return { a, b, c, d, m33: values[10] ?? 1, m43: values[14] ?? 0, m44: values[15] ?? 1 };
}

describe('behindViewer', () => {
  const translatedBy = (z: number, w = 1) => placed(`matrix3d(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, ${z}, ${w})`);
  it("is behind the eye from the parent perspective's depth on, or when its own perspective() leaves w ≤ 0", () => {
    expect(behindViewer(translatedBy(150), '100px')).toBe(true);
    expect(behindViewer(translatedBy(100), '100px')).toBe(true);
    expect(behindViewer(translatedBy(40), '400px')).toBe(false);
    expect(behindViewer(translatedBy(150), 'none')).toBe(false);
    expect(behindViewer(translatedBy(150, -0.5), 'none')).toBe(true);
    expect(behindViewer(placed('matrix(1, 0, 0, 1, 0, 0)'), '100px')).toBe(false);
  });
});

describe('turnedAway', () => {
  it('reads the back face from the matrix', () => {
    // rotateY(180deg), as computed style gives it.
    expect(turnedAway(placed('matrix3d(-1, 0, -1.22465e-16, 0, 0, 1, 0, 0, 1.22465e-16, 0, -1, 0, 0, 0, 0, 1)'))).toBe(
      true,
    );
    // rotateY(30deg): still facing the viewer; a 2D mirror (scaleX(-1)) has no back face to show.
    expect(turnedAway(placed('matrix3d(0.866025, 0, -0.5, 0, 0, 1, 0, 0, 0.5, 0, 0.866025, 0, 0, 0, 0, 1)'))).toBe(
      false,
    );
    expect(turnedAway(placed('matrix(-1, 0, 0, 1, 0, 0)'))).toBe(false);
  });
});

describe('shearedFlat', () => {
  const skewX = (degrees: number) => placed(`matrix(1, 0, ${Math.tan((degrees * Math.PI) / 180)}, 1, 0, 0)`);
  it('flattens a box whose axes are drawn within about 12 degrees of each other, in 2D or 3D', () => {
    expect(shearedFlat(skewX(85))).toBe(true);
    expect(shearedFlat(skewX(-80))).toBe(true);
    expect(shearedFlat(placed('matrix(1, 1, 1, 1, 0, 0)'))).toBe(true);
    expect(shearedFlat(placed('matrix3d(1, 0, 0, 0, 11.4301, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)'))).toBe(true);
  });
  it('keeps italics, rotations, mirrors and scaled boxes (their size is judged from the layout)', () => {
    expect(shearedFlat(skewX(-20))).toBe(false);
    expect(shearedFlat(skewX(70))).toBe(false);
    expect(shearedFlat(placed('matrix(0, 1, -1, 0, 0, 0)'))).toBe(false);
    expect(shearedFlat(placed('matrix(-1, 0, 0, 1, 0, 0)'))).toBe(false);
    expect(shearedFlat(placed('matrix(0.01, 0, 0, 0.01, 0, 0)'))).toBe(false);
    expect(shearedFlat(placed('matrix(0, 0, 0, 0, 0, 0)'))).toBe(false);
    expect(shearedFlat(placed('matrix3d(-1, 0, -1.22465e-16, 0, 0, 1, 0, 0, 1.22465e-16, 0, -1, 0, 0, 0, 0, 1)'))).toBe(
      false,
    );
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
