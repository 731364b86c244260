import type { PageContext } from '../../shared/page-context';
import { attributeValue, neutralizeDelimiters } from './untrusted';

const CHARS_PER_TOKEN = 4;

export interface PageBlock {
  text: string;
  /** Characters of page Markdown left out to fit the budget. */
  omittedChars: number;
}

const attribute = (value: string) => attributeValue(value, 500);

/**
 * Renders the captured page as delimited, untrusted data within a token budget. The selection comes first
 * because it is what the person pointed at; what the budget cuts is said in the block itself.
 */
export function renderPageBlock(page: PageContext, tokenBudget: number): PageBlock {
  const budgetChars = Math.max(500, tokenBudget * CHARS_PER_TOKEN);
  const parts: string[] = [];
  let remaining = budgetChars;

  if (page.selection) {
    const selection = page.selection.text.slice(0, remaining);
    remaining -= selection.length;
    const context = page.selection.context ? ` near="${attribute(page.selection.context)}"` : '';
    parts.push(`<selection${context}>\n${neutralizeDelimiters(selection)}\n</selection>`);
  }

  const markdown = page.markdown.slice(0, Math.max(0, remaining));
  const omittedChars = page.markdown.length - markdown.length;
  let body = neutralizeDelimiters(markdown);
  if (omittedChars > 0) {
    body += `\n[… ${omittedChars.toLocaleString('en-US')} more characters of this page were omitted to fit the budget]`;
  }
  if (page.truncated) body += '\n[The browser extension already shortened this page while capturing it.]';

  const header = `<page url="${attribute(page.url)}" title="${attribute(page.title)}" site="${attribute(page.site)}" kind="${page.kind}" captured="${page.capturedAt}">`;
  parts.push(`${header}\n${body}\n</page>`);
  return { text: parts.join('\n'), omittedChars };
}
