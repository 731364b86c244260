import type { Readability } from '@mozilla/readability';
import type { visibleClone } from './dom/visible-clone';

/**
 * Readability is a third of the capture code and only the generic article path needs it, so it travels in a file of
 * its own (`article-reader.js`), injected only into pages that read as articles, with the visible copy of the page
 * it reads (visible-clone.ts, which nothing else needs). Both scripts run in the extension's isolated world of the
 * same page; the reader leaves itself here for capture to find.
 */
export interface ArticleReader {
  Readability: typeof Readability;
  visibleClone: typeof visibleClone;
}

type ReaderGlobals = { __besideArticleReader?: ArticleReader };

export function installArticleReader(reader: ArticleReader): void {
  (globalThis as ReaderGlobals).__besideArticleReader = reader;
}

export function articleReader(): ArticleReader | undefined {
  return (globalThis as ReaderGlobals).__besideArticleReader;
}

/** What capture answers on an article page while the reader is not loaded: the panel injects it and asks again. */
export const needsArticleReader = { needs: 'article-reader' } as const;

/** Thrown through capture (and past the extractors' own error handling) to ask for the reader. */
export class ArticleReaderMissing extends Error {
  constructor() {
    super('article reader not loaded');
    this.name = 'ArticleReaderMissing';
  }
}

export const isNeedsArticleReader = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as { needs?: unknown }).needs === needsArticleReader.needs;
