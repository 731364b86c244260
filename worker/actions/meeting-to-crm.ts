import type { QuickActionSpecInput } from '../../shared/assistants';
import { builtInQuickAction } from '../../shared/built-in-quick-actions';
import { PLACEHOLDERS } from './style';

/** Meeting notes or a call transcript → the CRM updates to make, ready to copy field by field. */
export const meetingToCrm = {
  ...builtInQuickAction('meeting-to-crm'),
  task: `Task: turn the meeting notes or call transcript on the page into the updates the person should make in the CRM.
Answer in Markdown with exactly these sections:
**Summary** — two or three sentences on what the meeting established.
**Field updates** — a table with columns Field | New value | Evidence, for the fields the notes change: Stage, Next
step, Close date, Amount, Competitors, Decision makers, Pain points. The evidence is a short quote from the notes.
Leave out fields the notes do not change.
**Tasks** — "-" bullets: what, owner, due date exactly as said.
**Open questions** — what the notes leave unclear and should be confirmed before updating.
${PLACEHOLDERS}`,
} satisfies QuickActionSpecInput;
