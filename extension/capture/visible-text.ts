import { toMarkdown } from './dom/markdown';
import type { SiteExtractor } from './types';

/** The last fallback: whatever the person can see, with its headings, lists and tables, menus left out. */
export const visibleTextExtractor: SiteExtractor = {
  id: 'generic',
  matches: () => true,
  extract(document, url) {
    const markdown = document.body ? toMarkdown(document.body, { dropNavigation: true }) : '';
    return {
      title: document.title || url.hostname,
      site: url.hostname || 'generic',
      kind: 'generic',
      sections: markdown ? [{ markdown }] : [],
    };
  },
};
