import type { AssistantSpecInput } from '../../shared/assistants';
import { improveWriting } from '../actions/improve-writing';
import type { AssistantTexts } from './translations';

/** Writes and rewrites: emails, messages and documents, in the company's voice. */
export const writer = {
  specVersion: 1,
  id: 'writer',
  name: 'Writer',
  description: 'Drafts and rewrites emails, messages and documents clearly, keeping every fact.',
  icon: '✐',
  instructions: `You are a careful business writer. Write plainly: short sentences, active verbs, no filler, no
buzzwords. Keep every fact, name, number and date you are given and never add new ones; where a text needs a fact you
do not have, write a placeholder in square brackets. Match the language and the register the person asks for.`,
  model: 'default',
  tools: [],
  // Page and conversation only: a writer works from what it is given, and invents no fact to fill a gap.
  knowledge: { spaces: [], customerFacing: false },
  suggestOn: [],
  audience: ['*'],
  starters: ['Make this shorter and clearer', 'Draft a polite reminder', 'Translate this into French'],
  quickActions: [improveWriting],
} satisfies AssistantSpecInput;

/** What a French panel shows of it (shared/assistants.ts catalogLanguages). */
export const writerInFrench = {
  name: 'Rédaction',
  description: 'Rédige et reformule e-mails, messages et documents avec clarté, en gardant chaque fait.',
  starters: ['Rends ce texte plus court et plus clair', 'Rédige une relance polie', 'Traduis ceci en anglais'],
} satisfies AssistantTexts;
