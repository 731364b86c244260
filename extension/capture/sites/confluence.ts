import { textOf, toMarkdown } from '../dom/markdown';
import { visibleFirst } from '../dom/query';
import { isConfluencePage } from '../site-bundles';
import type { SiteExtractor } from '../types';

/** Confluence Cloud and Server pages: the page title and the rendered body, without the space sidebar. */
const selectors = {
  title: '[data-testid="title-text"], #title-text, h1#title-heading',
  body: '[data-testid="renderer-page"] .ak-renderer-document, #main-content .wiki-content, .wiki-content',
  breadcrumbs: '[data-testid="breadcrumbs"] li, #breadcrumbs li',
};

export const confluence: SiteExtractor = {
  id: 'confluence',
  matches: isConfluencePage,
  extract(document, url) {
    const body = visibleFirst(document, selectors.body);
    if (!body) return undefined;
    const title = textOf(visibleFirst(document, selectors.title)) || document.title;
    return {
      title,
      site: url.hostname.endsWith('.atlassian.net') ? 'confluence' : 'confluence-server',
      kind: 'document',
      sections: [{ markdown: `# ${title}\n\n${toMarkdown(body)}` }],
      scope: body,
    };
  },
};
