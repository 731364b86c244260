/**
 * How close a capture comes to a reference output, independent of Markdown dialect: recall of the reference's
 * lines (each normalised line found in ours) and of its word set, plus the precision of our word set.
 */

function normaliseLine(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/^(\s*(>|#+|[-*+]|\d+[.)])\s*)+/, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Reference Markdown without its JSON front matter block or code fences. */
export function referenceLines(markdown: string): string[] {
  return markdown
    .replace(/^```json[\s\S]*?```/, '')
    .split('\n')
    .filter((line) => !line.trim().startsWith('```') && line.trim() !== '---')
    .map(normaliseLine)
    .filter((line) => line.length >= 3);
}

const wordsOf = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

export interface Closeness {
  lineRecall: number;
  tokenRecall: number;
  tokenPrecision: number;
}

export function closeness(ours: string, reference: string): Closeness {
  const lines = referenceLines(reference);
  const flat = ours.split('\n').map(normaliseLine).join(' ');
  const found = lines.filter((line) => flat.includes(line)).length;
  const expectedWords = wordsOf(lines.join(' '));
  const ourWords = wordsOf(flat);
  const shared = [...expectedWords].filter((word) => ourWords.has(word)).length;
  return {
    lineRecall: lines.length === 0 ? 1 : found / lines.length,
    tokenRecall: expectedWords.size === 0 ? 1 : shared / expectedWords.size,
    tokenPrecision: ourWords.size === 0 ? 0 : shared / ourWords.size,
  };
}
