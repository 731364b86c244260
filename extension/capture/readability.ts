import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { ArticleReaderMissing, articleReader } from './article-reader';
import { toMarkdown } from './dom/markdown';
import { markupOnlyVisibility } from './dom/visibility';
import { visibleClone } from './dom/visible-clone';
import type { SiteExtractor } from './types';

/**
 * Articles, docs and help-center pages: Readability on a copy of the page that holds only visible content
 * (Readability itself only knows inline `display:none`), then our own Markdown so headings, lists, tables and
 * code survive.
 */
export const readabilityExtractor: SiteExtractor = {
  id: 'article',
  matches: (_url, document) => isProbablyReaderable(document, { minContentLength: 140, minScore: 20 }),
  extract(document, url) {
    const Reader = articleReader();
    if (!Reader) throw new ArticleReaderMissing();
    const clone = visibleClone(document);
    const article = new Reader(clone, { charThreshold: 300, serializer: (element: Node) => element }).parse();
    const content = article?.content as unknown as Element | null | undefined;
    if (!article || !content) return undefined;
    // The copy is already free of hidden content and has no layout of its own: judge markup only.
    const markdown = toMarkdown(content, { visibility: markupOnlyVisibility });
    if (markdown.length < 200) return undefined;
    return {
      title: article.title || document.title,
      site: article.siteName || url.hostname || 'article',
      kind: 'article',
      sections: [{ markdown }],
    };
  },
};
