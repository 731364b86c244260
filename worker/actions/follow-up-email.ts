import type { QuickActionSpecInput } from '../../shared/assistants';
import { builtInQuickAction } from '../../shared/built-in-quick-actions';
import { PLACEHOLDERS } from './style';

/**
 * One click → a follow-up email (subject + body) grounded in the page and company knowledge. `generic` is among its
 * kinds because meeting notes and call transcripts usually live in pages no site extractor recognises.
 */
export const followUpEmail = {
  ...builtInQuickAction('follow-up-email'),
  task: `Task: draft the follow-up email the person using Beside should send now.
- Address it to the right person: the contact on the record, or the other party of the latest public message in the
  thread, ticket, meeting notes or call transcript. Never address it to the person using Beside (the sender), nor to
  someone who only appears in an internal note.
- Open by referring to what happened — the meeting or call, the ticket, or their last message — as the page records it.
- Recap the next steps and every commitment each side made, with owners and dates exactly as the page gives them.
- Pricing, terms, plans and product facts come from the company knowledge passages when they are given; never from memory.
- Internal notes are context for you only: never quote or reveal them.
${PLACEHOLDERS}
Format — plain text, exactly this and nothing before or after:
Subject: <a specific subject line>

<the body: greeting, short paragraphs, "-" bullets for the next steps when there are several, and a sign-off with
[your name] unless the page says who the sender is>
No Markdown headings, no bold, no citation numbers in the email.`,
} satisfies QuickActionSpecInput;
