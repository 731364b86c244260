import { ArticleReaderMissing, articleReader } from './article-reader';
import { toMarkdown } from './dom/markdown';
import { markupOnlyVisibility, visibilityOf } from './dom/visibility';
import { isProbablyReaderable } from './readerable';
import type { SiteExtractor } from './types';

/**
 * Articles, docs and help-center pages: Readability on a copy of the page that holds only visible content
 * (Readability itself only knows inline `display:none`), then our own Markdown so headings, lists, tables and
 * code survive.
 */
export const readabilityExtractor: SiteExtractor = {
  id: 'article',
  matches: (_url, document) => {
    const visibility = visibilityOf(document);
    // Only what shows counts towards an article: hidden paragraphs (a collapsed panel, a stale tab) do not.
    return isProbablyReaderable(document, {
      minContentLength: 140,
      minScore: 20,
      isVisible: (element) => !visibility.isHidden(element),
    });
  },
  extract(document, url) {
    const reader = articleReader();
    if (!reader) throw new ArticleReaderMissing();
    const clone = reader.visibleClone(document, visibilityOf(document));
    const article = new reader.Readability(clone, {
      charThreshold: 300,
      serializer: (element: Node) => element,
    }).parse();
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
