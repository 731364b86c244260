import { describe, expect, it } from 'vitest';
import { liveStyleProperties, RememberedStyle, rememberedStyleProperties } from './computed-style';

/** A live declaration that answers each property with its name and a read count, and counts every read. */
function countingDeclaration() {
  const reads = new Map<string, number>();
  const live = new Proxy(
    {},
    {
      get(_target, name) {
        const count = (reads.get(String(name)) ?? 0) + 1;
        reads.set(String(name), count);
        return `${String(name)}#${count}`;
      },
    },
  ) as CSSStyleDeclaration;
  return { live, reads };
}

describe('RememberedStyle', () => {
  it('answers every property capture reads from the live declaration, asking it once', () => {
    const { live, reads } = countingDeclaration();
    const style = new RememberedStyle(live);
    for (const property of rememberedStyleProperties) {
      expect(style[property]).toBe(`${property}#1`);
      expect(style[property]).toBe(`${property}#1`);
    }
    expect(reads.size).toBe(rememberedStyleProperties.length);
    expect([...reads.values()].every((count) => count === 1)).toBe(true);
  });

  it('gives the rarely read properties from the live declaration itself, one read per ask', () => {
    const { live, reads } = countingDeclaration();
    const style = new RememberedStyle(live);
    for (const property of liveStyleProperties) expect(style.live[property]).toBe(`${property}#1`);
    expect(style.live.maskSize).toBe('maskSize#2');
    expect(reads.size).toBe(liveStyleProperties.length);
  });

  it('does not read a property nobody asked for', () => {
    const { live, reads } = countingDeclaration();
    const style = new RememberedStyle(live);
    void style.display;
    expect([...reads.keys()]).toEqual(['display']);
  });

  it('remembers an empty answer (a property the browser does not know) instead of asking again', () => {
    let reads = 0;
    const live = {
      get webkitTextFillColor() {
        reads++;
        return '';
      },
    } as unknown as CSSStyleDeclaration;
    const style = new RememberedStyle(live);
    expect(style.webkitTextFillColor).toBe('');
    expect(style.webkitTextFillColor).toBe('');
    expect(reads).toBe(1);
  });
});
