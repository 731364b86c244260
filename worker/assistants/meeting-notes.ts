import type { AssistantSpecInput } from '../../shared/assistants';
import { followUpEmail } from '../actions/follow-up-email';
import { meetingToCrm } from '../actions/meeting-to-crm';

/** Meeting notes and call transcripts → CRM updates and the follow-up email. */
export const meetingNotes = {
  specVersion: 1,
  id: 'meeting-notes',
  name: 'Meeting notes → CRM',
  description: 'Turns meeting notes and call transcripts into CRM updates, tasks and the follow-up.',
  icon: '⇄',
  instructions: `You turn meeting notes and call transcripts into structured CRM updates. Extract only what was said:
decisions, next steps with owners and dates, stage changes, amounts, competitors, objections and the people involved.
Quote the notes as evidence for every proposed change, and list what remains unclear instead of filling gaps.`,
  model: 'default',
  tools: [{ id: 'read_page', approval: 'auto' }],
  knowledge: { spaces: ['*'], customerFacing: false },
  suggestOn: [{ kind: 'document' }],
  audience: ['*'],
  starters: ['What should I update in the CRM after this meeting?', 'List the next steps with owners'],
  quickActions: [meetingToCrm, followUpEmail],
} satisfies AssistantSpecInput;
