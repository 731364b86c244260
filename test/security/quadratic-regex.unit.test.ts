/**
 * Attack: a page, document or draft shaped so a backtracking regex restarts at every character (100,000
 * unclosed `<h1>`, `'<page'` repeated, a long run of spaces): minutes of CPU for one request. Defence: every
 * regex that reads untrusted text starts a match only where one can start (lookbehind at a run's first
 * character, classes that stop at the next delimiter) or is replaced by an `indexOf` scan.
 *
 * No timing here (speed is `npm run bench -- adversarial`): each function reads 500 KB of each adversarial
 * input inside the test timeout, where the patterns this replaced needed from 25 s to 20 minutes, and still
 * gives the expected answer on ordinary input; and no regex is ever built from runtime text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanLabel } from '../../extension/capture/dom/fields';
import { salesforceLightning, withoutTrailingCount } from '../../extension/capture/sites/salesforce-lightning';
import { loadFixture } from '../../extension/capture/testing/pages';
import { parseEmailDraft, withoutCitations } from '../../shared/email-draft';
import { atxHeading } from '../../worker/knowledge/chunk';
import { htmlToMarkdown, normalizeText, stripTags } from '../../worker/knowledge/to-markdown';
import { ADVERSARIAL_CASES } from './support/adversarial-inputs';

const SIZE = 500_000;

describe('every regex on untrusted text is linear', () => {
  it.each(ADVERSARIAL_CASES.map((c) => [`${c.fn} on ${c.input}`, c] as const))('%s', (_name, c) => {
    const input = c.make(SIZE);
    expect(input.length).toBeGreaterThanOrEqual(SIZE - 1);
    expect(() => c.run(input)).not.toThrow();
  });

  it('still does the job on the same adversarial shapes', () => {
    expect(htmlToMarkdown('<h1>x'.repeat(3))).toBe('x'.repeat(3));
    expect(htmlToMarkdown('<h1>A</h1><h2>B')).toBe('# A\n\nB');
    expect(htmlToMarkdown('<script>a</script>b<script>c')).toBe('bc');
    expect(htmlToMarkdown('a<!--b-->c<!--d')).toBe('ac<!--d');
    expect(stripTags('a<b>c<>d<e')).toBe('ac<>d<e');
    expect(normalizeText('a   \nb     c')).toBe('a\nb     c');
    expect(atxHeading(`# Title${' '.repeat(10)}##  `)).toEqual({ level: 1, text: 'Title' });
    expect(atxHeading('# a # b')).toEqual({ level: 1, text: 'a # b' });
    expect(atxHeading('####### x')).toBeUndefined();
    expect(withoutCitations(`Refunds take 5 days${' '.repeat(5)}[1][2].`)).toBe('Refunds take 5 days.');
    expect(parseEmailDraft(`**Subject:** Renewal${' '.repeat(50)}**\n\nHi`)).toMatchObject({ subject: 'Renewal' });
    expect(cleanLabel(`Close Date${':'.repeat(20)}`)).toBe('Close Date');
  });
});

describe('no RegExp is built from runtime text', () => {
  const roots = ['worker', 'shared', 'extension'];
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path);
      return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
    });

  it('in worker/, shared/ and extension/ (a page-derived pattern is both slow and an injection)', () => {
    const built = roots.flatMap(files).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /new RegExp\(/.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    // The two allowed: closing tags built from our own constant element names (to-markdown.ts), and the
    // administrator's REDACT_PATTERNS, written by the deployment (not by a page) and refused at start unless
    // they pass the linear-time check (worker/redaction/patterns.ts).
    expect(built.sort()).toEqual([
      expect.stringMatching(/^worker\/knowledge\/to-markdown\.ts: .*new RegExp\(`<\/\$\{name\}/),
      expect.stringMatching(/^worker\/redaction\/patterns\.ts: pattern = new RegExp\(source, 'gu'\)/),
    ]);
  });

  it('the Lightning extractor reads an object type full of pattern syntax as text', () => {
    const document = loadFixture('salesforce-lightning--opportunity');
    const labels = [...document.querySelectorAll('.entityNameTitle')];
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) (label as unknown as { textContent: string }).textContent = 'Opportunity (((a+)+)+$';
    const url = new URL('https://acme-corp.lightning.force.com/lightning/r/Opportunity/0065g00000XyZabAAF/view');
    const extraction = salesforceLightning.extract(document, url, { tokenBudget: 6000 });
    expect(extraction?.title).toMatch(/^Opportunity \(\(\(a\+\)\+\)\+\$: \S/);
  });
});

describe('related-list titles', () => {
  it('drop the trailing count with a scan, also on a title of 200,000 "(" (the old lazy pattern was quadratic)', () => {
    expect(withoutTrailingCount('Contacts (3)')).toBe('Contacts ');
    expect(withoutTrailingCount('Notes (internal) (12)')).toBe('Notes (internal) ');
    expect(withoutTrailingCount('Contacts')).toBe('Contacts');
    const hostile = `${'('.repeat(200_000)}x`;
    expect(withoutTrailingCount(hostile)).toBe(hostile);
    expect(withoutTrailingCount(`${'('.repeat(200_000)})`)).toBe('('.repeat(199_999));
  });
});
