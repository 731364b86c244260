import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProbablyReaderable as packageReaderable } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { isProbablyReaderable } from './readerable';
import { fixturesDirectory, parsePage, sharedPage, sharedPagesDirectory } from './testing/pages';

/**
 * The port answers as the package does, with the same visibility check, on every saved page and fixture we have
 * and on the shapes its rules are about (articles of <br>-separated <div>s, unlikely candidates, list paragraphs).
 */
const paragraph = (words: number) => `${'Sentences of an article about the quarterly figures. '.repeat(words)}`;
const shapes = {
  paragraphs: `<article><p>${paragraph(6)}</p><p>${paragraph(6)}</p></article>`,
  'divs of br-separated sentences': `<div>${paragraph(6)}<br><br>${paragraph(6)}<br></div>`,
  'a sidebar of long paragraphs': `<div class="sidebar"><p>${paragraph(8)}</p><p>${paragraph(8)}</p></div>`,
  'a sidebar that is also the content': `<div class="sidebar content"><p>${paragraph(8)}</p></div>`,
  'paragraphs in list items': `<ul><li><p>${paragraph(8)}</p></li><li><p>${paragraph(8)}</p></li></ul>`,
  'short paragraphs': `<p>${paragraph(2)}</p><p>${paragraph(2)}</p><p>${paragraph(2)}</p>`,
};

function pages(): [string, Document][] {
  const saved = [
    ...['google-sre-book-1', 'mercurial', 'spiceworks', 'wikipedia'].map((name) => `readability/${name}/source.html`),
    ...readdirSync(join(sharedPagesDirectory, 'defuddle'))
      .filter((name) => name.endsWith('.html'))
      .map((name) => `defuddle/${name}`),
  ].map((path): [string, Document] => [
    path,
    parsePage(readFileSync(sharedPage(path), 'utf8'), 'https://example.com/'),
  ]);
  const fixtures = readdirSync(fixturesDirectory)
    .filter((name) => name.endsWith('.html'))
    .map((name): [string, Document] => [
      name,
      parsePage(readFileSync(join(fixturesDirectory, name), 'utf8'), 'https://example.com/'),
    ]);
  const made = Object.entries(shapes).map(([name, body]): [string, Document] => [
    name,
    parsePage(`<html><body>${body}</body></html>`, 'https://example.com/'),
  ]);
  return [...saved, ...fixtures, ...made];
}

describe('isProbablyReaderable (port of Readability’s)', () => {
  const all = pages();
  const shown = (node: Node) => {
    const element = node as Element;
    return !element.hasAttribute('hidden') && element.getAttribute('aria-hidden') !== 'true';
  };

  it('answers as the package does on every page, both ways', () => {
    const answers = all.map(([name, document]) => {
      const options = { minContentLength: 140, minScore: 20 };
      const expected = packageReaderable(document, { ...options, visibilityChecker: shown });
      expect(isProbablyReaderable(document, { ...options, isVisible: shown }), name).toBe(expected);
      return expected;
    });
    expect(answers).toContain(true);
    expect(answers).toContain(false);
  });

  it('counts only blocks the visibility check lets through', () => {
    const document = parsePage(
      `<html><body><article><p>${paragraph(12)}</p></article></body></html>`,
      'https://example.com/',
    );
    const options = { minContentLength: 140, minScore: 20 };
    expect(isProbablyReaderable(document, { ...options, isVisible: () => true })).toBe(true);
    expect(isProbablyReaderable(document, { ...options, isVisible: () => false })).toBe(false);
  });

  it('asks the visibility check only about blocks long enough to count: on a page it is the costly question', () => {
    const short = Array.from({ length: 500 }, (_, index) => `<p>Line ${index}</p>`).join('');
    const document = parsePage(
      `<html><body>${short}<p class="sidebar">${paragraph(12)}</p><p>${paragraph(12)}</p></body></html>`,
      'https://example.com/',
    );
    const asked: Element[] = [];
    const isVisible = (element: Element) => {
      asked.push(element);
      return true;
    };
    expect(isProbablyReaderable(document, { minContentLength: 140, minScore: 20, isVisible })).toBe(true);
    expect(asked.map((element) => element.className)).toEqual(['']);
  });
});
