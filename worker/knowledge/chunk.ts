/**
 * Heading-aware chunking. A document is cut at its Markdown headings first (a section is what a person
 * means by "the part about refunds"), and only sections longer than `maxChars` are split further, at
 * paragraph, then sentence, then word boundaries, each piece starting with the end of the previous one
 * (`overlapChars`) so a fact that straddles a cut is still found whole. Every chunk keeps its heading path
 * ("Refunds › Eligibility"), which is indexed and shown with citations.
 */

/** Bumped when chunking changes, so re-ingesting re-chunks documents whose content did not change. */
export const CHUNKER_VERSION = 1;

export interface ChunkOptions {
  targetChars: number;
  maxChars: number;
  overlapChars: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { targetChars: 1_200, maxChars: 1_800, overlapChars: 150 };

export interface Section {
  /** 0-based, in document order; chunks of one section share it (search de-duplicates on it). */
  index: number;
  heading: string;
  body: string;
}

export interface Chunk {
  position: number;
  section: number;
  heading: string;
  text: string;
}

/** The opening `#`s of an ATX heading; the rest of the line is read by atxHeading, not by a pattern. */
const HEADING_START = /^(#{1,6})[ \t]+/;
const FENCE = /^\s{0,3}(```|~~~)/;
export const HEADING_SEPARATOR = ' › ';

const isBlank = (char: string | undefined) => char === ' ' || char === '\t';

function trimBlankEnd(text: string): string {
  let end = text.length;
  while (end > 0 && isBlank(text[end - 1])) end--;
  return text.slice(0, end);
}

/**
 * `# Title ##` → level 1, "Title". A scan rather than `(.+?)(?:[ \t]+#+)?[ \t]*$`, which retries the
 * optional closing sequence at every character and is quadratic on a long line of spaces.
 */
export function atxHeading(line: string): { level: number; text: string } | undefined {
  const start = HEADING_START.exec(line);
  if (!start) return undefined;
  const rest = line.slice(start[0].length);
  // `.` stops at these, so the pattern this replaces never matched a line that holds one.
  if (rest.includes('\u2028') || rest.includes('\u2029')) return undefined;
  // The pattern needed one character after the first blank; a line of only blanks was an empty heading.
  if (!rest && start[0].length - (start[1] as string).length < 2) return undefined;
  let text = trimBlankEnd(rest);
  let hashes = text.length;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  if (hashes < text.length && hashes > 0 && isBlank(text[hashes - 1])) text = trimBlankEnd(text.slice(0, hashes));
  return { level: (start[1] as string).length, text };
}

function stripFrontMatter(markdown: string): string {
  return markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
}

/** Sections by ATX heading (`#`…`######`), ignoring `#` lines inside fenced code. */
export function splitSections(markdown: string): Section[] {
  const sections: Section[] = [];
  const path: string[] = [];
  let body: string[] = [];
  let heading = '';
  let inFence = false;

  const flush = () => {
    const text = body.join('\n').trim();
    if (text) sections.push({ index: sections.length, heading, body: text });
    body = [];
  };

  for (const line of stripFrontMatter(markdown.replace(/\r\n?/g, '\n')).split('\n')) {
    if (FENCE.test(line)) inFence = !inFence;
    const match = inFence ? undefined : atxHeading(line);
    if (!match) {
      body.push(line);
      continue;
    }
    flush();
    const { level } = match;
    path.length = level - 1;
    path[level - 1] = match.text.replace(/[*_`]/g, '').trim();
    heading = path.filter(Boolean).join(HEADING_SEPARATOR);
  }
  flush();
  return sections;
}

/** Pieces no longer than `max`: paragraphs, else sentences, else word-bounded slices. */
function pieces(text: string, max: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n{2,}/)) {
    const trimmed = paragraph.trim();
    if (!trimmed) continue;
    if (trimmed.length <= max) {
      out.push(trimmed);
      continue;
    }
    for (const sentence of trimmed.split(/(?<=[.!?。])\s+/)) {
      if (sentence.length <= max) {
        out.push(sentence);
        continue;
      }
      let rest = sentence;
      while (rest.length > max) {
        const cut = rest.lastIndexOf(' ', max);
        const at = cut > max / 2 ? cut : max;
        out.push(rest.slice(0, at).trim());
        rest = rest.slice(at).trim();
      }
      if (rest) out.push(rest);
    }
  }
  return out;
}

/** The last ~`chars` of a chunk, starting at a sentence (or at least a word) boundary. */
function tail(text: string, chars: number): string {
  if (chars <= 0 || text.length <= chars) return chars <= 0 ? '' : text;
  const window = text.slice(-chars);
  const sentence = window.search(/(?<=[.!?])\s+\S/);
  if (sentence >= 0) return window.slice(sentence).trim();
  const space = window.indexOf(' ');
  return space >= 0 ? window.slice(space + 1) : window;
}

export function splitBody(body: string, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): string[] {
  if (body.length <= options.maxChars) return [body];
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces(body, options.targetChars)) {
    if (current && current.length + 2 + piece.length > options.targetChars) {
      chunks.push(current);
      const overlap = tail(current, options.overlapChars);
      current = overlap ? `${overlap}\n\n${piece}` : piece;
    } else {
      current = current ? `${current}\n\n${piece}` : piece;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/**
 * Plain text has no headings: a line starting with "# " is a shell or Python comment, a hashtag or a
 * numbered list, never a section title. One section without a heading, split only by length.
 */
export function chunkPlainText(text: string, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Chunk[] {
  const body = text.replace(/\r\n?/g, '\n').trim();
  if (!body) return [];
  return splitBody(body, options).map((piece, position) => ({ position, section: 0, heading: '', text: piece }));
}

export function chunkMarkdown(markdown: string, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Chunk[] {
  const chunks: Chunk[] = [];
  for (const section of splitSections(markdown)) {
    for (const text of splitBody(section.body, options)) {
      chunks.push({ position: chunks.length, section: section.index, heading: section.heading, text });
    }
  }
  return chunks;
}
