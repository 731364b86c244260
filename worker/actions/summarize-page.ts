import type { QuickActionSpecInput } from '../../shared/assistants';
import { builtInQuickAction } from '../../shared/built-in-quick-actions';

/** Summarize page: what the page is and what matters on it, shaped by the kind of page. */
export const summarizePage = {
  ...builtInQuickAction('summarize-page'),
  task: `Task: summarise the page between <page> and </page> for the person working on it.
- A record (opportunity, account, deal, case): what it is, its state — stage, amounts, dates exactly as written — and the next steps.
- A ticket or email thread: what the customer or other party wants, what has been done, what is still open and who owes the next move.
- An article or document: its key points.
Name the page in the first line. Use only the page; say so when something important is missing from it.
Answer in Markdown bullet points.`,
} satisfies QuickActionSpecInput;
