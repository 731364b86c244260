import { toMarkdown } from './dom/markdown';
import { maxCharsOf, type SiteExtractor } from './types';

/** The last fallback: whatever the person can see, with its headings, lists and tables, menus left out. */
export const visibleTextExtractor: SiteExtractor = {
  id: 'generic',
  matches: () => true,
  extract(document, url, options) {
    // Read as far as the budget can keep: the rest of a long page would only be cut.
    const maxChars = maxCharsOf(options);
    const markdown = document.body ? toMarkdown(document.body, { dropNavigation: true, maxChars }) : '';
    return {
      title: document.title || url.hostname,
      site: url.hostname || 'generic',
      kind: 'generic',
      sections: markdown ? [{ markdown }] : [],
    };
  },
};
