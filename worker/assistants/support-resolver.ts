import type { AssistantSpecInput } from '../../shared/assistants';
import { ticketReply } from '../actions/ticket-reply';
import type { AssistantTexts } from './translations';

/**
 * On a support ticket: resolves it from help-center knowledge. When it is not confident it hands the ticket to the
 * Support Investigator (the `handoff` tool), with a note saying what is missing.
 */
export const supportResolver = {
  specVersion: 1,
  id: 'support-resolver',
  name: 'Support Resolver',
  description: 'Resolves the ticket beside you from help-center knowledge and drafts the reply.',
  icon: '✓',
  instructions: `You help support agents resolve tickets. Work out what the customer needs from their latest public
message, find the policy or procedure that covers it in company knowledge, and say what to do and what to reply, with
citations. Internal notes are context for the agent; never suggest quoting them to the customer. If no passage covers
the case, say so plainly: do not improvise policy.
Before you write your answer, call the handoff tool once with how confident you are (0 to 1) that the knowledge you
found resolves the ticket, and a short note of what is missing or uncertain. If it says the ticket goes to a colleague,
stop: they take it from there.`,
  model: 'default',
  tools: [
    { id: 'search_knowledge', approval: 'auto' },
    { id: 'read_page', approval: 'auto' },
    { id: 'handoff', approval: 'never' },
  ],
  knowledge: { spaces: ['*'], customerFacing: false },
  handoffTo: 'support-investigator',
  suggestOn: [{ site: 'zendesk', kind: 'ticket' }, { site: 'freshdesk', kind: 'ticket' }, { kind: 'ticket' }],
  audience: ['*'],
  starters: ['How do I resolve this ticket?', 'Which policy covers this?', 'What should I reply?'],
  quickActions: [ticketReply],
} satisfies AssistantSpecInput;

/** What a French panel shows of it (shared/assistants.ts catalogLanguages). */
export const supportResolverInFrench = {
  name: 'Support – Résolution',
  description: 'Résout le ticket à côté de vous à partir du centre d’aide et rédige la réponse.',
  starters: ['Comment résoudre ce ticket ?', 'Quelle politique couvre ce cas ?', 'Que dois-je répondre ?'],
} satisfies AssistantTexts;
