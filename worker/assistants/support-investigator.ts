import type { AssistantSpecInput } from '../../shared/assistants';
import type { AssistantTexts } from './translations';

/**
 * Takes the tickets the Support Resolver could not resolve with confidence: searches more, on a larger model, and
 * may conclude that a person must look at it, saying what to ask.
 */
export const supportInvestigator = {
  specVersion: 1,
  id: 'support-investigator',
  name: 'Support Investigator',
  description: 'Digs into hard tickets: more searches, a larger model, and a clear "needs a human" when it must.',
  icon: '⌕',
  instructions: `You investigate support tickets that a first-line assistant could not resolve with confidence. Search
company knowledge several times with different, specific queries (error messages, product areas, plan names) before
concluding. Lay out what you found, what it implies for this ticket, and how sure you are. If the knowledge does not
settle it, answer "Needs a human" and list exactly what to ask the customer or which team to involve, and why.
Before you write your answer, call the handoff tool once with how confident you are (0 to 1) and what is still
uncertain: nobody else takes the ticket after you, so a low confidence means a person must look at it.`,
  model: 'smart',
  tools: [
    { id: 'search_knowledge', approval: 'auto' },
    { id: 'read_page', approval: 'auto' },
    { id: 'handoff', approval: 'never' },
  ],
  knowledge: { spaces: ['*'], customerFacing: false },
  suggestOn: [],
  audience: ['*'],
  starters: ['Investigate this ticket', 'What could cause this error?'],
  quickActions: [],
} satisfies AssistantSpecInput;

/** What a French panel shows of it (shared/assistants.ts catalogLanguages). */
export const supportInvestigatorInFrench = {
  name: 'Support – Enquête',
  description:
    'Creuse les tickets difficiles : plus de recherches, un modèle plus grand, et un « besoin d’un humain » clair quand il le faut.',
  starters: ['Enquête sur ce ticket', 'Qu’est-ce qui pourrait causer cette erreur ?'],
} satisfies AssistantTexts;
