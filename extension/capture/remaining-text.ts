import { toMarkdown } from './dom/markdown';

/**
 * A typed extractor adds structure; it must never make visible text disappear. This finds the visible text of
 * the extractor's scope that its typed part does not already carry, so a layout the extractor does not know
 * degrades to "less structured", never to "missing". Dedupe is by normalised line, and within a line by segment
 * (table cells, "label · value" parts): a line whose every segment the typed part already says is left out.
 */

/** The section heading the remaining text goes under, last in the page Markdown. */
export const alsoOnPageHeading = 'Also on this page';

/** Lower case, Markdown markers and punctuation that separates label from value folded into single spaces. */
export function normaliseForDedupe(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*_`#>|·:\u2022\u2014–-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const segmentsOf = (line: string) =>
  line
    .split(/\s\|\s|\s·\s|\t/)
    .map(normaliseForDedupe)
    .filter((segment) => segment.length > 0);

/** What the person is typing is not page content (and drafts may be private until sent). */
const editing = '[contenteditable="true"], [contenteditable=""], [role="textbox"]';

const isHeading = (line: string) => /^#{1,6}\s/.test(line);
const isTableRule = (line: string) => /^\|(\s*-+\s*\|)+$/.test(line.trim());

export interface RemainingOptions {
  /** See Extraction.notContent. */
  notContent?: string | undefined;
  /** Stop once this much new text is found: the budget would cut the rest anyway. */
  maxChars?: number;
}

/**
 * A line that names what follows it ("Assignees", "Organization"): short, and not a sentence. Its value is kept
 * beside it even when said elsewhere, or the label would be left meaningless (the value already said under another
 * name, or repeated in a header further up).
 */
const isLabel = (line: string) => line.length <= 32 && line.split(' ').length <= 4 && !/:.|[.!?]$/.test(line);
const maxValueChars = 80;

export function remainingVisibleText(scope: Node, typedMarkdown: string, options: RemainingOptions = {}): string {
  const { notContent, maxChars = Number.POSITIVE_INFINITY } = options;
  let found = 0;
  const said = normaliseForDedupe(typedMarkdown);
  const seen = new Set<string>();
  const kept: string[] = [];
  let pendingHeading: string | undefined;
  let label: string | undefined;
  /** Whether that label was itself said before (kept only as the value of a new line): it labels one line, no chain. */
  let labelSaidBefore = false;
  let enough = false;
  const read = (line: string) => {
    if (!line.trim() || isTableRule(line)) return;
    const key = normaliseForDedupe(line);
    if (!key) return;
    // Unless the typed part already says this label with this value.
    const labelled = label !== undefined && label !== key && !said.includes(`${label} ${key}`);
    const labelledBySaid = labelSaidBefore;
    label = undefined;
    labelSaidBefore = false;
    const repeated = seen.has(key);
    seen.add(key);
    if (isHeading(line)) {
      if (repeated) return;
      // A heading is worth repeating only when something new follows it.
      pendingHeading = said.includes(key) ? line : undefined;
      if (!pendingHeading) {
        kept.push(line);
        label = key;
      }
      return;
    }
    const alreadySaid = repeated || segmentsOf(line).every((segment) => said.includes(segment));
    if (alreadySaid && !(labelled && line.length <= maxValueChars)) return;
    if (pendingHeading) kept.push(pendingHeading);
    pendingHeading = undefined;
    kept.push(line);
    found += line.length + 1;
    if (found > maxChars) enough = true;
    // A label said elsewhere too ("Email" after a contact's title) still labels its value, once.
    if (isLabel(line.trim()) && !(alreadySaid && labelledBySaid)) {
      label = key;
      labelSaidBefore = alreadySaid;
    }
  };
  // Read block by block as the page is rendered, and stop rendering once there is enough: on a large record the
  // rest of the page would only be cut, and each of its elements costs style and layout reads.
  toMarkdown(scope, {
    dropNavigation: true,
    skip: [editing, notContent].filter(Boolean).join(', '),
    // A line longer than the typed part and the room together cannot be all said already: it is new text that fills
    // the room, and reading the rest of it would only be cut.
    maxLineChars: typedMarkdown.length + maxChars,
    onBlock: (block) => {
      for (const line of block.split('\n')) {
        if (enough) break;
        read(line.trimEnd());
      }
      return !enough;
    },
  });
  // Headings with nothing new under them say nothing.
  return kept
    .filter((line, index) => !isHeading(line) || (kept[index + 1] !== undefined && !isHeading(kept[index + 1] ?? '')))
    .map((line) => line.replace(/^#{1,2}\s/, '### ')) // below the "Also on this page" heading
    .join('\n')
    .trim();
}
