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

export class GlyphInk {
  /** Families of the faces the page has loaded: fonts that exist only because the page brought them. */
  readonly #families = new Set<string>();
  /** Per canvas font and character, whether its glyph draws nothing. */
  readonly #blank = new Map<string, boolean>();
  #context: CanvasRenderingContext2D | null | undefined;

  readonly #document: Document;

  constructor(document: Document) {
    this.#document = document;
    try {
      document.fonts?.forEach((face) => {
        if (face.status === 'loaded') this.#families.add(firstFamily(face.family));
      });
    } catch {
      // A DOM without font loading (no layout): there are no web fonts to ask about.
    }
  }

  /** Whether the page loaded any font at all: most pages load none, and then nothing more is asked. */
  get any(): boolean {
    return this.#families.size > 0;
  }

  /** Whether text set in `family` (a computed `font-family` list) is drawn with a font the page loaded. */
  inWebFont(family: string): boolean {
    return this.#families.has(firstFamily(family));
  }

  /**
   * `text` as it is drawn in `font` (a canvas font: style, weight, size and the element's family list, so the
   * same face and the same fallbacks are chosen): the characters whose glyphs draw no ink are left out.
   */
  drawn(text: string, font: string): string {
    let kept = '';
    for (const character of text)
      if (inkless.test(character) || !this.#drawsNothing(character, font)) kept += character;
    return kept.length === text.length ? text : kept;
  }

  /** Whether the glyph of `character` in `font` covers no area: measured once per font and character. */
  #drawsNothing(character: string, font: string): boolean {
    const key = `${font}\n${character}`;
    let blank = this.#blank.get(key);
    if (blank === undefined) {
      this.#context ??= this.#document.createElement('canvas').getContext('2d');
      const context = this.#context;
      if (context) context.font = font;
      const metrics = context?.measureText(character);
      blank =
        !!metrics &&
        (metrics.actualBoundingBoxLeft + metrics.actualBoundingBoxRight <= 0 ||
          metrics.actualBoundingBoxAscent + metrics.actualBoundingBoxDescent <= 0);
      this.#blank.set(key, blank);
    }
    return blank;
  }
}
