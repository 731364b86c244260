/**
 * Inputs that make a backtracking regex quadratic (or worse), and the functions of ours that read untrusted
 * text through regexes. One list for the unit test (test/security/quadratic-regex.unit.test.ts) and the bench
 * (bench/adversarial.ts), so both speak of the same cases.
 */

import { parseHTML } from 'linkedom';
import { recipientEmail } from '../../../extension/actions/recipient';
import { parseStyleRules } from '../../../extension/capture/dom/css-rules';
import { cleanLabel } from '../../../extension/capture/dom/fields';
import { textOf } from '../../../extension/capture/dom/markdown';
import { renderActivity } from '../../../extension/capture/render';
import { parseEmailDraft, withoutCitations } from '../../../shared/email-draft';
import type { PageContext } from '../../../shared/page-context';
import { splitSections } from '../../../worker/knowledge/chunk';
import { htmlToMarkdown, normalizeText } from '../../../worker/knowledge/to-markdown';
import { renderPageBlock } from '../../../worker/prompt/page-block';

/** `unit` repeated to `size` characters (cut to exactly `size`). */
export const repeat = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const page = (markdown: string): PageContext => ({
  url: 'https://example.com/',
  title: 'Adversarial page',
  site: 'generic',
  kind: 'article',
  markdown,
  capturedAt: '2026-11-21T10:00:00.000Z',
});

export interface AdversarialCase {
  fn: string;
  input: string;
  make: (size: number) => string;
  run: (text: string) => unknown;
}

/** A page holding `text` in one paragraph, for the capture's DOM-to-Markdown walker. */
function paragraph(text: string): Node {
  const { document } = parseHTML('<!doctype html><html><body><p></p></body></html>');
  const p = document.querySelector('p') as unknown as Node & { textContent: string };
  p.textContent = text;
  return p;
}

const blanks = (size: number) => `a${repeat(' ', size - 2)}b`;

export const ADVERSARIAL_CASES: readonly AdversarialCase[] = [
  // The page budget is lifted so the whole input is rendered (the "raised PAGE_TOKEN_BUDGET").
  {
    fn: 'renderPageBlock',
    input: "'<page' repeated",
    make: (n) => repeat('<page', n),
    run: (t) => renderPageBlock(page(t), t.length),
  },
  {
    fn: 'renderPageBlock',
    input: "'</pa\\u00adge' repeated",
    make: (n) => repeat('</pa\u00adge', n),
    run: (t) => renderPageBlock(page(t), t.length),
  },
  { fn: 'htmlToMarkdown', input: "'<h1>x' unclosed headings", make: (n) => repeat('<h1>x', n), run: htmlToMarkdown },
  { fn: 'htmlToMarkdown', input: "'<script>' unclosed", make: (n) => repeat('<script>', n), run: htmlToMarkdown },
  { fn: 'htmlToMarkdown', input: "'<!--' unclosed", make: (n) => repeat('<!--', n), run: htmlToMarkdown },
  { fn: 'htmlToMarkdown', input: "'<' without '>'", make: (n) => repeat('<', n), run: htmlToMarkdown },
  { fn: 'htmlToMarkdown', input: "'<li' without '>'", make: (n) => repeat('<li', n), run: htmlToMarkdown },
  { fn: 'normalizeText', input: 'a run of spaces', make: blanks, run: normalizeText },
  { fn: 'splitSections', input: "'# a' + spaces + 'b'", make: (n) => `# ${blanks(n - 2)}`, run: splitSections },
  { fn: 'withoutCitations', input: 'a run of spaces', make: blanks, run: withoutCitations },
  {
    fn: 'parseEmailDraft',
    input: "'Subject: a' + spaces + 'b'",
    make: (n) => `Subject: ${blanks(n - 9)}`,
    run: parseEmailDraft,
  },
  {
    fn: 'parseEmailDraft',
    input: 'spaces before the subject',
    make: (n) => `${repeat(' ', n - 1)}x`,
    run: parseEmailDraft,
  },
  { fn: 'cleanLabel', input: "':' repeated + 'x'", make: (n) => `${repeat(':', n - 1)}x`, run: cleanLabel },
  { fn: 'renderActivity', input: 'spaces, no newline', make: blanks, run: (t) => renderActivity([t]) },
  { fn: 'capture textOf', input: 'spaces, no newline', make: blanks, run: (t) => textOf(paragraph(t)) },
  {
    fn: 'capture textOf',
    input: "initials before a name that never ends ('AB Abbb…' repeated)",
    make: (n) => repeat(`AB A${'b'.repeat(5_000)} `, n),
    run: (t) => textOf(paragraph(t)),
  },
  { fn: 'capture textOf', input: 'capitals only', make: (n) => repeat('AB', n), run: (t) => textOf(paragraph(t)) },
  {
    fn: 'recipientEmail',
    input: "'a' repeated, no '@'",
    make: (n) => repeat('a', n),
    run: (t) =>
      recipientEmail({
        ...page(''),
        record: {
          objectType: 'Contact',
          name: 'x',
          fields: [{ label: 'Contact Email', value: t }],
          related: [],
          activity: [],
        },
      }),
  },
  { fn: 'parseStyleRules', input: 'CSS without braces', make: (n) => repeat('a', n), run: parseStyleRules },
  { fn: 'parseStyleRules', input: "'/*' unclosed", make: (n) => repeat('/*', n), run: parseStyleRules },
  {
    fn: 'parseStyleRules',
    input: "selector '[' repeated",
    make: (n) => `${repeat('[', n - 13)}{display:none}`,
    run: parseStyleRules,
  },
];
