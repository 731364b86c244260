import type { QuickActionSpecInput } from '../../shared/assistants';
import { builtInQuickAction } from '../../shared/built-in-quick-actions';

/** On selected text the person wrote: a clearer version, keeping its meaning, facts and language. */
export const improveWriting = {
  ...builtInQuickAction('improve-writing'),
  task: `Task: rewrite the text between <selection> and </selection> so it reads clearly and professionally.
Keep its meaning, every fact, name, number and date, and its language. Fix grammar and spelling, cut repetition,
prefer short sentences and active verbs. Do not add claims or promises that are not in the text.
Answer with the rewritten text only, then one line starting with "Changed:" that lists the main changes.`,
} satisfies QuickActionSpecInput;
