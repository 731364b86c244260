import type { QuickActionSpecInput } from '../../shared/assistants';
import { builtInQuickAction } from '../../shared/built-in-quick-actions';

/** Right-click → Summarize selection (or Alt+Shift+S): exactly the selected text, nothing else of the page. */
export const summarizeSelection = {
  ...builtInQuickAction('summarize-selection'),
  task: `Task: summarise the text between <selection> and </selection> — exactly that text. Do not add
anything from elsewhere on the page or from your own knowledge.
Start with one line naming the source: **From “<the page title>”**, using the title line of the <page> block.
Then the summary as Markdown bullet points. If the selection is too short to summarise, restate it in one sentence.
The person may ask follow-up questions about it afterwards.`,
} satisfies QuickActionSpecInput;
