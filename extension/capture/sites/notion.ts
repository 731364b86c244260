import { textOf, toMarkdown } from '../dom/markdown';
import { visibleFirst } from '../dom/query';
import { isNotionHost } from '../site-bundles';
import type { SiteExtractor } from '../types';

/**
 * Notion pages: Notion renders every block as a div, so headings and lists come from its block classes
 * (`notion-header-block`, `notion-bulleted_list-block`…) rather than from tags.
 */
const selectors = {
  title: '.notion-page-block h1, [placeholder="Untitled"], .notion-frame h1',
  content: '.notion-page-content',
  block: '[data-block-id]',
};

const blockPrefix: [string, string][] = [
  ['notion-header-block', '## '],
  ['notion-sub_header-block', '### '],
  ['notion-sub_sub_header-block', '#### '],
  ['notion-bulleted_list-block', '- '],
  ['notion-numbered_list-block', '1. '],
  ['notion-to_do-block', '- [ ] '],
  ['notion-quote-block', '> '],
];

function blocks(content: Element): string {
  const lines: string[] = [];
  for (const block of Array.from(content.children)) {
    if (!block.matches(selectors.block)) continue;
    const prefix = blockPrefix.find(([name]) => block.classList.contains(name))?.[1] ?? '';
    const text = block.classList.contains('notion-code-block')
      ? `\`\`\`\n${toMarkdown(block, { plain: true })}\n\`\`\``
      : textOf(block);
    if (text) lines.push(prefix + text);
  }
  return lines.join('\n\n');
}

export const notion: SiteExtractor = {
  id: 'notion',
  matches: isNotionHost,
  extract(document) {
    const content = visibleFirst(document, selectors.content);
    if (!content) return undefined;
    const title = textOf(visibleFirst(document, selectors.title)) || document.title;
    return {
      title,
      site: 'notion',
      kind: 'document',
      sections: [{ markdown: `# ${title}\n\n${blocks(content)}` }],
      scope: content,
    };
  },
};
