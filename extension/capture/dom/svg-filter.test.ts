import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { svgFilterOpacity } from './svg-filter';

/** The opacity a `filter: url(#f)` leaves a paragraph, for the primitives of filter `f` (and its attributes). */
function opacityThrough(primitives: string, attributes = ''): number {
  const { document } = parseHTML(
    `<html><body><svg><filter id="f" ${attributes}>${primitives}</filter></svg><p id="text">text</p></body></html>`,
  );
  const text = document.getElementById('text') as Element;
  return svgFilterOpacity(text, 'url("#f")');
}

const transfer = (func: string) => `<feComponentTransfer>${func}</feComponentTransfer>`;

describe('svgFilterOpacity', () => {
  it('finds alpha taken away by a transfer function', () => {
    expect(opacityThrough(transfer('<feFuncA type="table" tableValues="0 0"/>'))).toBe(0);
    expect(opacityThrough(transfer('<feFuncA type="discrete" tableValues="0 0 0"/>'))).toBe(0);
    expect(opacityThrough(transfer('<feFuncA type="linear" slope="0.05"/>'))).toBeCloseTo(0.05);
    expect(opacityThrough(transfer('<feFuncA type="linear" slope="0" intercept="0"/>'))).toBe(0);
    expect(opacityThrough(transfer('<feFuncA type="gamma" amplitude="0.02" exponent="2"/>'))).toBeCloseTo(0.02);
    // A table that lets the middle through: anti-aliased edges of the glyphs would show.
    expect(opacityThrough(transfer('<feFuncA type="table" tableValues="0 1 0"/>'))).toBe(1);
  });

  it('reads the alpha row of a colour matrix, whatever the colours', () => {
    expect(opacityThrough('<feColorMatrix values="1 0 0 0 0 0 1 0 0 0 0 0 1 0 0 0 0 0 0 0"/>')).toBe(0);
    expect(opacityThrough('<feColorMatrix values="1 0 0 0 0 0 1 0 0 0 0 0 1 0 0 0 0 0 0.5 0"/>')).toBe(0.5);
    // Red pixels become opaque: the matrix may show them, so it lets through.
    expect(opacityThrough('<feColorMatrix values="1 0 0 0 0 0 1 0 0 0 0 0 1 0 0 1 0 0 0 0"/>')).toBe(1);
    expect(opacityThrough('<feColorMatrix type="saturate" values="0"/>')).toBe(1);
  });

  it('composes a chain in order, named results included', () => {
    const third = transfer('<feFuncA type="linear" slope="0.3"/>');
    expect(opacityThrough(third + third)).toBeCloseTo(0.09);
    expect(
      opacityThrough(
        `<feComponentTransfer result="a"><feFuncA type="linear" slope="0.2"/></feComponentTransfer><feGaussianBlur in="a" stdDeviation="1"/>`,
      ),
    ).toBeCloseTo(0.2);
    expect(opacityThrough(transfer('<feFuncA type="table" tableValues="0 0"/>'), 'width="0"')).toBe(0);
    expect(opacityThrough('<feGaussianBlur stdDeviation="2"/>', 'height="-1"')).toBe(0);
  });

  it('reads a table of any length a page writes', () => {
    const zeros = Array.from({ length: 300_000 }, () => '0').join(' ');
    expect(opacityThrough(transfer(`<feFuncA type="table" tableValues="${zeros}"/>`))).toBe(0);
    expect(opacityThrough(transfer(`<feFuncA type="discrete" tableValues="${zeros} 1"/>`))).toBe(1);
  });

  it('lets everything through when it cannot tell what the filter paints', () => {
    const zero = transfer('<feFuncA type="table" tableValues="0 0"/>');
    // The source drawn again over a flood, after a chain that took its alpha away.
    expect(
      opacityThrough(
        `<feFlood flood-color="#ffd" result="paper"/>${zero.replace('<feComponentTransfer>', '<feComponentTransfer in="SourceGraphic">')}<feMerge><feMergeNode in="paper"/><feMergeNode in="SourceGraphic"/></feMerge>`,
      ),
    ).toBe(1);
    // A primitive that reads the box again, not the chain before it.
    expect(opacityThrough(`${zero}<feOffset in="SourceGraphic" dx="1"/>`)).toBe(1);
    expect(opacityThrough('<feTurbulence baseFrequency="0.1"/>')).toBe(1);
    expect(opacityThrough(transfer('<feFuncA type="table" tableValues=""/>'))).toBe(1);
  });

  it('ignores a reference to no filter, or to something else, as the browser does', () => {
    const { document } = parseHTML('<html><body><div id="box"></div><p id="text">text</p></body></html>');
    const text = document.getElementById('text') as Element;
    expect(svgFilterOpacity(text, 'url("#missing")')).toBe(1);
    expect(svgFilterOpacity(text, 'url("#box")')).toBe(1);
    expect(svgFilterOpacity(text, 'blur(2px)')).toBe(1);
  });
});
