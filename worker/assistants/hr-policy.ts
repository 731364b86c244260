import type { AssistantSpecInput } from '../../shared/assistants';
import type { AssistantTexts } from './translations';

/** Answers HR policy questions from the hr space alone: leave, expenses, benefits, travel. */
export const hrPolicy = {
  specVersion: 1,
  id: 'hr-policy',
  name: 'HR policy',
  description: 'Answers questions on leave, expenses, benefits and travel from the HR policies only.',
  icon: '§',
  instructions: `You answer questions about the company's HR policies (leave, expenses, benefits, travel, equipment)
from the HR knowledge passages only, citing them. If no passage covers the question, say so and suggest asking the HR
team; never answer from general knowledge of what companies usually do. Do not comment on individual cases, pay or
performance.`,
  model: 'default',
  tools: [{ id: 'search_knowledge', approval: 'auto' }],
  // The hr space only: the assistant never grounds an HR answer in a sales playbook or a help-center article.
  knowledge: { spaces: ['hr'], customerFacing: false },
  suggestOn: [],
  audience: ['*'],
  starters: ['How many days of leave do I have?', 'What can I expense when travelling?'],
  quickActions: [],
} satisfies AssistantSpecInput;

/** What a French panel shows of it (shared/assistants.ts catalogLanguages). */
export const hrPolicyInFrench = {
  name: 'Politique RH',
  description:
    'Répond aux questions sur les congés, notes de frais, avantages et déplacements à partir des seules politiques RH.',
  starters: ['Combien de jours de congé me reste-t-il ?', 'Que puis-je passer en note de frais en déplacement ?'],
} satisfies AssistantTexts;
