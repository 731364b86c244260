/**
 * A web font can draw nothing: a font whose glyphs are empty outlines with normal advances gives its text full
 * size, colour and place, and not one pixel, so every rule on geometry and colour keeps it. Only a font the page
 * loads can do that (the system's fonts draw their glyphs), so only text whose first font is one the page loaded
 * is asked about, and each character once per font: the canvas measures the ink of a glyph from its outline,
 * without drawing it (about a microsecond).
 */

/** Characters that draw no ink in any font and hide nothing: spacing, joiners and marks, kept as they are. */
const inkless = /[\s\p{Cf}\p{M}]/u;

/** The first family of a computed `font-family` list, unquoted and in lower case, as FontFace names compare. */
export function firstFamily(list: string): string {
  const quoted = list.match(/^\s*(["'])(.*?)\1/);
  return (quoted ? (quoted[2] ?? '') : (list.split(',')[0] ?? '')).trim().toLowerCase();
}

/**
 * Whether texts are asked which characters their font draws (see `loadsUndrawnGlyphs`): set only while a page is
 * read again because a face it loaded draws nothing for some character of what was captured.
 */
let judging = false;

export const glyphsJudged = (): boolean => judging;

export function judgingGlyphs<T>(read: () => T): T {
  judging = true;
  try {
    return read();
  } finally {
    judging = false;
  }
}

/** The faces the page has loaded: the fonts that exist only because the page brought them. */
function loadedFaces(document: Document): FontFace[] {
  const faces: FontFace[] = [];
  document.fonts?.forEach((face) => {
    if (face.status === 'loaded') faces.push(face);
  });
  return faces;
}

/** A face as a canvas font: its style and weight (the first of a variable range) and its family alone. */
function faceFont(face: FontFace): string {
  const family = firstFamily(face.family).replace(/["\\]/g, '\\$&');
  return `${face.style.split(' ')[0]} ${face.weight.split(' ')[0]} 50px "${family}"`;
}

/**
 * Whether a face `document` loaded draws no ink for some character of `text` (what a capture kept). Asked once a
 * capture is made: its few hundred distinct characters in the handful of faces a page loads cost a few hundred
 * measures, where asking each text for its font costs a style read per element (a long family list is slow to read,
 * 30 ms on a large record). Only a page where one does is read again with each text's font asked (`drawn`).
 */
export function loadsUndrawnGlyphs(document: Document, text: string): boolean {
  let fonts: string[];
  try {
    fonts = loadedFaces(document).map(faceFont);
  } catch {
    return false; // a DOM without font loading: no web fonts
  }
  if (fonts.length === 0) return false;
  const characters = [...new Set(text)].join('');
  const ink = new GlyphInk(document);
  return fonts.some((font) => ink.drawn(characters, font) !== characters);
}

export class GlyphInk {
  /** Families of the faces the page has loaded (fonts that exist only because the page brought them), once asked. */
  #loadedFamilies: Set<string> | undefined;
  /** Per computed family list, whether its first family is one of them: a page uses a handful of lists. */
  readonly #webFamily = new Map<string, boolean>();
  /** Per canvas font, whether each character's glyph draws nothing. */
  readonly #blank = new Map<string, Map<string, boolean>>();
  readonly #document: Document;
  #context: CanvasRenderingContext2D | null | undefined;

  constructor(document: Document) {
    this.#document = document;
  }

  get #families(): Set<string> {
    if (!this.#loadedFamilies) {
      this.#loadedFamilies = new Set();
      try {
        for (const font of loadedFaces(this.#document)) this.#loadedFamilies.add(firstFamily(font.family));
      } catch {
        // A DOM without font loading (no layout): there are no web fonts to ask about.
      }
    }
    return this.#loadedFamilies;
  }

  /** Whether the page loaded any font at all: most pages load none, and then nothing more is asked. */
  get any(): boolean {
    return this.#families.size > 0;
  }

  /** Whether text set in `family` (a computed `font-family` list) is drawn with a font the page loaded. */
  inWebFont(family: string): boolean {
    let known = this.#webFamily.get(family);
    if (known === undefined) {
      known = this.#families.has(firstFamily(family));
      this.#webFamily.set(family, known);
    }
    return known;
  }

  /**
   * `text` as it is drawn in `font` (a canvas font: style, weight, size and the element's family list, so the
   * same face and the same fallbacks are chosen): the characters whose glyphs draw no ink are left out.
   */
  drawn(text: string, font: string): string {
    let blank = this.#blank.get(font);
    if (!blank) {
      blank = new Map();
      this.#blank.set(font, blank);
    }
    let anyBlank = false;
    for (const character of text) {
      let verdict = blank.get(character);
      if (verdict === undefined) {
        verdict = !inkless.test(character) && this.#drawsNothing(character, font);
        blank.set(character, verdict);
      }
      if (verdict) anyBlank = true;
    }
    if (!anyBlank) return text;
    let kept = '';
    for (const character of text) if (!blank.get(character)) kept += character;
    return kept;
  }

  /** Whether the glyph of `character` in `font` covers no area. */
  #drawsNothing(character: string, font: string): boolean {
    this.#context ??= this.#document.createElement('canvas').getContext('2d');
    const context = this.#context;
    if (!context) return false;
    context.font = font;
    const metrics = context.measureText(character);
    return (
      metrics.actualBoundingBoxLeft + metrics.actualBoundingBoxRight <= 0 ||
      metrics.actualBoundingBoxAscent + metrics.actualBoundingBoxDescent <= 0
    );
  }
}
