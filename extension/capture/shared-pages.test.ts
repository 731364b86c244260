import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from './dom/markdown';
import { markupOnlyVisibility } from './dom/visibility';
import { capturePage } from './registry';
import { closeness } from './testing/closeness';
import { loadPage, parsePage, sharedPage } from './testing/pages';

/**
 * The real saved pages in ../shared/data/pages (read in place, never copied): how close capture comes to the
 * reference outputs (defuddle's expected Markdown, Readability's expected HTML). Floors are set a little under
 * what capture reaches today, so a regression fails while small reference-format differences do not.
 */
const cases = [
  {
    name: 'gmail thread',
    page: 'defuddle/gmail--mail.google.com-mail-u-0-thread.html',
    reference: 'defuddle/gmail--mail.google.com-mail-u-0-thread.md',
    site: 'gmail',
    lines: 0.95,
    tokens: 0.95,
  },
  {
    name: 'github issue',
    page: 'defuddle/general--github.com-issue-56.html',
    reference: 'defuddle/general--github.com-issue-56.md',
    url: 'https://github.com/kepano/defuddle/issues/56',
    site: 'github',
    lines: 0.75,
    tokens: 0.95,
  },
  {
    name: 'hacker news thread',
    page: 'defuddle/comments--news.ycombinator.com-item-id=12345678.html',
    reference: 'defuddle/comments--news.ycombinator.com-item-id=12345678.md',
    site: 'news.ycombinator.com',
    lines: 0.45,
    tokens: 0.85,
  },
  {
    name: 'mintlify docs page',
    page: 'defuddle/codeblocks--mintlify.html',
    reference: 'defuddle/codeblocks--mintlify.md',
    url: 'https://sanity-image.example.com/guides/modes',
    lines: 0.85,
    tokens: 0.95,
  },
  ...['google-sre-book-1', 'mercurial', 'spiceworks', 'wikipedia'].map((name) => ({
    name: `readability ${name}`,
    page: `readability/${name}/source.html`,
    reference: `readability/${name}/expected.html`,
    url: `https://${name}.example.com/page`,
    site: undefined,
    lines: 0.8,
    tokens: 0.85,
  })),
];

function referenceMarkdown(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.html')) return text;
  const document = parsePage(`<html><body>${text}</body></html>`, 'https://example.com/');
  return toMarkdown(document.body, { visibility: markupOnlyVisibility });
}

describe('closeness to the shared reference outputs', () => {
  const results: Record<string, unknown>[] = [];
  for (const entry of cases) {
    it(`${entry.name}: recall of reference lines ≥ ${entry.lines}, of its words ≥ ${entry.tokens}`, () => {
      const page = capturePage(loadPage(sharedPage(entry.page), entry.url), { tokenBudget: 50_000 });
      if (entry.site) expect(page.site).toBe(entry.site);
      const score = closeness(page.markdown, referenceMarkdown(sharedPage(entry.reference)));
      results.push({ page: entry.name, site: page.site, kind: page.kind, ...score });
      expect(score.lineRecall).toBeGreaterThanOrEqual(entry.lines);
      expect(score.tokenRecall).toBeGreaterThanOrEqual(entry.tokens);
      expect(page.markdown).not.toMatch(/<script|function\s*\(|\{\s*display\s*:/);
    }, 30_000); // large saved pages parsed by linkedom on a busy machine
  }
  it('prints the closeness table', () => {
    console.table(results);
    expect(results.length).toBe(cases.length);
  });
});
