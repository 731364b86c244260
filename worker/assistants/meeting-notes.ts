import type { AssistantSpecInput } from '../../shared/assistants';
import { followUpEmail } from '../actions/follow-up-email';
import { meetingToCrm } from '../actions/meeting-to-crm';
import type { AssistantTexts } from './translations';

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

/** What a French panel shows of it (shared/assistants.ts catalogLanguages). */
export const meetingNotesInFrench = {
  name: 'Notes de réunion → CRM',
  description: 'Transforme les notes de réunion et transcriptions d’appel en mises à jour CRM, tâches et suivi.',
  starters: [
    'Que dois-je mettre à jour dans le CRM après cette réunion ?',
    'Liste les prochaines étapes avec leurs responsables',
  ],
} satisfies AssistantTexts;
