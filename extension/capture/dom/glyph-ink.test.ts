import { describe, expect, it } from 'vitest';
import { firstFamily, GlyphInk, loadsUndrawnGlyphs } from './glyph-ink';

describe('firstFamily', () => {
  it('reads the first family of a computed list, unquoted and in lower case', () => {
    expect(firstFamily('"Inter Text", sans-serif')).toBe('inter text');
    expect(firstFamily("'Salesforce Sans', Arial, sans-serif")).toBe('salesforce sans');
    expect(firstFamily('Roboto, Arial')).toBe('roboto');
    expect(firstFamily('serif')).toBe('serif');
  });
});

interface Face {
  family: string;
  style?: string;
  weight?: string;
}

/**
 * A document whose loaded faces and canvas are stand-ins: in Chromium (test/security/hidden-text.e2e.test.ts and
 * independent-tricks.e2e.test.ts) the canvas measures real glyphs; here the font "Blank" draws no ink for `blank`,
 * and a canvas that cannot parse fonts keeps its first one.
 */
function page(loaded: (string | Face)[], blank: string, parsable = true) {
  let font = '10px sans-serif';
  let measured = 0;
  const fontsSet: string[] = [];
  const context = {
    get font() {
      return font;
    },
    set font(value: string) {
      fontsSet.push(value);
      if (parsable) font = value;
    },
    measureText(character: string) {
      measured++;
      const size = font.toLowerCase().includes('"blank"') && blank.includes(character) ? 0 : 10;
      return {
        actualBoundingBoxLeft: 0,
        actualBoundingBoxRight: size,
        actualBoundingBoxAscent: size,
        actualBoundingBoxDescent: 0,
      };
    },
  };
  const document = {
    fonts: {
      forEach: (visit: (face: Partial<FontFace>) => void) => {
        for (const face of loaded)
          visit({
            style: 'normal',
            weight: '400',
            status: 'loaded',
            ...(typeof face === 'string' ? { family: face } : face),
          });
      },
    },
    createElement: () => ({ getContext: () => context }),
  } as unknown as Document;
  return { document, measured: () => measured, fontsSet };
}

describe('GlyphInk', () => {
  it('asks nothing of a page that loaded no font', () => {
    const glyphs = new GlyphInk(page([], '').document);
    expect(glyphs.any).toBe(false);
  });

  it('knows which families are fonts the page loaded', () => {
    const glyphs = new GlyphInk(page(['Blank', '"Brand Sans"'], '').document);
    expect(glyphs.inWebFont('"Blank", sans-serif')).toBe(true);
    expect(glyphs.inWebFont('"Brand Sans", Arial')).toBe(true);
    expect(glyphs.inWebFont('Arial, "Blank"')).toBe(false);
  });

  it('leaves out the characters a font draws nothing for, keeping spacing and marks, and measures each once', () => {
    const { document, measured } = page(['Blank'], 'HIDEN');
    const glyphs = new GlyphInk(document);
    expect(glyphs.drawn('HIDDEN text', '400 normal 50px "Blank", sans-serif')).toBe(' text');
    expect(glyphs.drawn('TEXT\u200d é', '400 normal 50px "Blank", sans-serif')).toBe('TXT\u200d é');
    expect(glyphs.drawn('HIDDEN text', '400 normal 50px "Blank", sans-serif')).toBe(' text');
    expect(measured()).toBe(new Set('HIDENtexTXé').size);
  });

  it('keeps everything when the text draws ink, or when the canvas cannot take the font (it keeps its last one)', () => {
    expect(new GlyphInk(page(['Blank'], 'H').document).drawn('Plain', '50px "Blank"')).toBe('Plain');
    expect(new GlyphInk(page(['Blank'], 'H', false).document).drawn('HHH', '50px "Blank"')).toBe('HHH');
  });
});

describe('loadsUndrawnGlyphs', () => {
  it('says whether a loaded face draws nothing for a character kept, measuring each face as a canvas font', () => {
    const { document, fontsSet: fonts } = page(
      [{ family: 'Brand' }, { family: '"Blank"', style: 'oblique 10deg', weight: '100 900' }],
      'Q',
    );
    expect(loadsUndrawnGlyphs(document, '# Notes\n\nA quiet line')).toBe(false);
    expect(loadsUndrawnGlyphs(document, 'Q')).toBe(true);
    expect(fonts).toContain('oblique 100 50px "blank"');
    expect(fonts).toContain('normal 400 50px "brand"');
  });

  it('asks nothing of a page that loaded no font', () => {
    expect(loadsUndrawnGlyphs(page([], 'Q').document, 'Q')).toBe(false);
  });
});
