import type { AssistantSpecInput } from '../../shared/assistants';
import { summarizePage } from '../actions/summarize-page';
import { summarizeSelection } from '../actions/summarize-selection';
import type { AssistantTexts } from './translations';

/** The assistant that answers when none is chosen: anything about the page and company knowledge. */
export const general = {
  specVersion: 1,
  id: 'general',
  name: 'General',
  description: 'Answers questions about the page beside you and company knowledge, with citations.',
  icon: '◆',
  instructions: `Help with whatever the person is working on: explain the page, find facts in company knowledge, draft
short texts. Prefer a direct answer first, then the detail that supports it.`,
  model: 'default',
  tools: [
    { id: 'search_knowledge', approval: 'auto' },
    { id: 'read_page', approval: 'auto' },
  ],
  knowledge: { spaces: ['*'], customerFacing: false },
  suggestOn: [],
  audience: ['*'],
  starters: ['Summarize this page', 'What should I do next here?', 'What does our knowledge base say about this?'],
  quickActions: [summarizePage, summarizeSelection],
} satisfies AssistantSpecInput;

/** What a French panel shows of it (shared/assistants.ts catalogLanguages). */
export const generalInFrench = {
  name: 'Général',
  description:
    'Répond aux questions sur la page à côté de vous et sur les connaissances de l’entreprise, avec des citations.',
  starters: ['Résume cette page', 'Que dois-je faire ensuite ici ?', 'Que disent nos connaissances à ce sujet ?'],
} satisfies AssistantTexts;
