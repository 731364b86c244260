import type { QuickActionSpecInput } from '../../shared/assistants';
import { builtInQuickAction } from '../../shared/built-in-quick-actions';

/** On a CRM record: a one-screen brief of the account or deal before a call, grounded in sales knowledge. */
export const accountBrief = {
  ...builtInQuickAction('account-brief'),
  task: `Task: brief the person on the account or deal on this record, as they would want it two minutes before a call.
- First line: the account (and deal) name, stage, amount and close date exactly as the record gives them.
- Then, as short Markdown sections: **Where it stands** (stage, last activity, what changed recently), **People**
  (the contacts the record names and their roles), **Risks and open questions** (objections, competitors, missing
  fields such as no next step or a close date in the past), **Suggested next step**.
- Facts about our products, pricing, plays or competitors come from the company knowledge passages, cited as [1], [2];
  facts about the account come from the page, cited as [P]. Say plainly what neither tells you.`,
} satisfies QuickActionSpecInput;
