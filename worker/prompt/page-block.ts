import type { PageContext } from '../../shared/page-context';
import { CHARS_PER_TOKEN } from './tokens';
import { block, clip, joinBlocks, normalizeUntrusted, promptText, type Rendered } from './untrusted';

export interface PageBlock {
  text: string;
  /** Characters of page Markdown left out to fit the budget. */
  omittedChars: number;
}

/**
 * Renders the captured page as delimited, untrusted data within a token budget. The selection comes first
 * because it is what the person pointed at; what the budget cuts is said in the block itself. Everything
 * that comes from the page, its title and URL included, is inside a block (untrusted.ts).
 */
export function renderPageBlock(page: PageContext, tokenBudget: number): PageBlock {
  const budgetChars = Math.max(500, tokenBudget * CHARS_PER_TOKEN);
  const blocks: Rendered[] = [];
  let remaining = budgetChars;

  if (page.selection) {
    // Normalised before the budget is applied: normalising can lengthen text, and the budget must hold.
    const selection = clip(normalizeUntrusted(page.selection.text), remaining);
    remaining -= selection.length;
    blocks.push(
      block('selection', {
        fields: page.selection.context ? [{ label: 'near', value: page.selection.context }] : [],
        body: selection,
      }),
    );
  }

  const full = normalizeUntrusted(page.markdown);
  const markdown = clip(full, Math.max(0, remaining));
  const omittedChars = full.length - markdown.length;
  const notes: string[] = [];
  if (omittedChars > 0) {
    notes.push(
      `[… ${omittedChars.toLocaleString('en-US')} more characters of this page were omitted to fit the budget]`,
    );
  }
  if (page.truncated) notes.push('[The browser extension already shortened this page while capturing it.]');

  blocks.push(
    block('page', {
      fields: [
        { label: 'url', value: page.url, maxLength: 1_000 },
        { label: 'title', value: page.title },
        { label: 'site', value: page.site },
        { label: 'kind', value: page.kind },
        { label: 'captured', value: page.capturedAt },
      ],
      body: markdown,
      notes,
    }),
  );
  return { text: promptText(joinBlocks(blocks)), omittedChars };
}
