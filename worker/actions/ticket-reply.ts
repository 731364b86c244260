import type { QuickActionSpecInput } from '../../shared/assistants';
import { builtInQuickAction } from '../../shared/built-in-quick-actions';
import { PLACEHOLDERS } from './style';

/** Draft ticket reply: the public answer to the customer, grounded in help-center knowledge, with citations. */
export const ticketReply = {
  ...builtInQuickAction('ticket-reply'),
  task: `Task: draft the public reply to the customer on this ticket, answering their latest message.
- Every statement about policy, procedure, product behaviour, refunds, plans, SLAs or timelines must come from the
  company knowledge passages; put the passage number right after the sentence it supports, like [1] or [2]. The agent
  checks these citations before sending.
- If the knowledge does not cover what the customer needs, do not make up a policy or a promise: say what the team
  will check, and put a placeholder such as [policy to confirm].
- Internal notes are for you only: use them to understand the case, never quote them, and never reveal colleagues'
  names, internal ticket or bug numbers, or engineering details that no public message has shared.
- Greet the customer by the name the ticket shows.
${PLACEHOLDERS}
Format: plain text, only the reply body from greeting to sign-off; no subject line, no Markdown headings.`,
} satisfies QuickActionSpecInput;
