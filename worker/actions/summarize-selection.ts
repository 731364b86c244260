import type { QuickActionSpecInput } from '../../shared/assistants';
import { everyKind } from './kinds';

/** Right-click → Summarize selection (or Alt+Shift+S): exactly the selected text, nothing else of the page. */
export const summarizeSelection = {
  id: 'summarize-selection',
  label: 'Summarize selection',
  icon: '✂',
  kinds: everyKind,
  output: 'summary',
  needsSelection: true,
  request: 'Summarize the selected text',
  menu: ['selection'],
  // Never the page title in `request`: the user turn is outside every delimited block, so page text must not reach it.
  shortcut: { key: 'Alt+Shift+S', description: 'Summarize the selected text' },
  task: `Task: summarise the text between <selection> and </selection> — exactly that text. Do not add
anything from elsewhere on the page or from your own knowledge.
Start with one line naming the source: **From “<the page title>”**, using the title line of the <page> block.
Then the summary as Markdown bullet points. If the selection is too short to summarise, restate it in one sentence.
The person may ask follow-up questions about it afterwards.`,
} satisfies QuickActionSpecInput;
