/**
 * Turns an ingested body into Markdown the chunker understands. HTML keeps its headings (they decide the
 * sections) and block structure; everything that is not content (scripts, styles, navigation chrome that
 * the sender left in) is dropped. Small scans rather than a DOM: the output is only ever text, and it must
 * run in the worker, outside a DOM.
 */

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[entity.toLowerCase()] ?? match;
  });
}

/**
 * Every pattern here runs on uploaded documents, so each must stay linear on any input: a lazy
 * `<x>[\s\S]*?</x>` or a `<[^>]+>` restarted at each of 100,000 unclosed tags is quadratic (minutes for a
 * megabyte). Paired elements are therefore found by a scan that remembers when a closing tag no longer occurs,
 * and single tags by `indexOf`.
 */

const DROPPED_ELEMENTS = /<(script|style|noscript|template|head|svg|nav|footer)\b/gi;
const HEADING_OPEN = /<h([1-6])\b[^<>]*>/gi;

/** `</name>` allowing spaces before `>`: linear, each candidate scans only its own spaces. */
const closingTag = (name: string) => new RegExp(`</${name}\\s*>`, 'gi');
const CLOSING = new Map<string, RegExp>();
function closingOf(name: string): RegExp {
  const key = name.toLowerCase();
  let pattern = CLOSING.get(key);
  if (!pattern) {
    pattern = closingTag(key);
    CLOSING.set(key, pattern);
  }
  return pattern;
}

/**
 * Replaces each element whose opening tag `opening` finds, up to its matching closing tag, by `render`. An
 * element without a closing tag is left as it is (its tags are stripped later). Once a closing tag was not
 * found after some point it cannot be found after a later one, which keeps the scan linear.
 */
function replaceElements(
  html: string,
  opening: RegExp,
  closingName: (captured: string) => string,
  render: (captured: string, inner: string) => string,
): string {
  const unclosed = new Set<string>();
  const out: string[] = [];
  let copied = 0;
  opening.lastIndex = 0;
  for (let open = opening.exec(html); open; open = opening.exec(html)) {
    const name = (open[1] as string).toLowerCase();
    if (unclosed.has(name)) continue;
    const closing = closingOf(closingName(name));
    closing.lastIndex = open.index + open[0].length;
    const close = closing.exec(html);
    if (!close) {
      unclosed.add(name);
      continue;
    }
    out.push(html.slice(copied, open.index), render(name, html.slice(open.index + open[0].length, close.index)));
    copied = closing.lastIndex;
    opening.lastIndex = copied;
  }
  out.push(html.slice(copied));
  return out.join('');
}

/** Removes `<!-- … -->`; an unclosed comment (no `-->` after it) is left as text, like any later one. */
function removeComments(html: string): string {
  const out: string[] = [];
  let copied = 0;
  for (let open = html.indexOf('<!--'); open >= 0; open = html.indexOf('<!--', copied)) {
    const close = html.indexOf('-->', open + 4);
    if (close < 0) break;
    out.push(html.slice(copied, open));
    copied = close + 3;
  }
  out.push(html.slice(copied));
  return out.join('');
}

/** Removes every `<…>` that has at least one character inside, as `/<[^>]+>/g` would, in one pass. */
export function stripTags(html: string): string {
  const out: string[] = [];
  let copied = 0;
  let from = 0;
  for (let open = html.indexOf('<'); open >= 0; open = html.indexOf('<', from)) {
    const close = html.indexOf('>', open + 1);
    if (close < 0) break; // no `>` after this point: no later `<` starts a tag either
    if (close === open + 1) {
      from = close + 1; // `<>` is text
      continue;
    }
    out.push(html.slice(copied, open));
    copied = close + 1;
    from = copied;
  }
  out.push(html.slice(copied));
  return out.join('');
}

export function htmlToMarkdown(html: string): string {
  let text = removeComments(html);
  text = replaceElements(
    text,
    DROPPED_ELEMENTS,
    (name) => name,
    () => '',
  );
  text = replaceElements(
    text,
    HEADING_OPEN,
    (level) => `h${level}`,
    (level, inner) => {
      const heading = stripTags(inner).replace(/\s+/g, ' ').trim();
      return heading ? `\n\n${'#'.repeat(Number(level))} ${heading}\n\n` : '\n\n';
    },
  );
  text = text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^<>]*>/gi, '\n- ')
    .replace(/<\/(p|div|section|article|ul|ol|table|blockquote|pre|main|header)\s*>/gi, '\n\n')
    .replace(/<\/li\s*>/gi, '')
    .replace(/<\/(tr|dt|dd)\s*>/gi, '\n')
    .replace(/<\/t[dh]\s*>/gi, ' | ');
  text = decodeEntities(stripTags(text));
  return normalizeText(text);
}

/** Unix newlines, no trailing spaces, at most one blank line in a row. */
export function normalizeText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // The lookbehind starts a match only at the first space of a run, so a long run without a newline
      // after it is scanned once, not once per space.
      .replace(/(?<![ \t\u00a0])[ \t\u00a0]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

export function toMarkdown(input: { markdown?: string; html?: string; text?: string }): string {
  if (input.html !== undefined) return htmlToMarkdown(input.html);
  return normalizeText(input.markdown ?? input.text ?? '');
}
