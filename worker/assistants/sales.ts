import type { AssistantSpecInput } from '../../shared/assistants';
import { accountBrief } from '../actions/account-brief';
import { followUpEmail } from '../actions/follow-up-email';
import type { AssistantTexts } from './translations';

/** Beside a CRM record: account briefs, deal questions and follow-ups, grounded in sales knowledge. */
export const sales = {
  specVersion: 1,
  id: 'sales',
  name: 'Sales',
  description: 'Account briefs, deal questions and follow-up emails beside your CRM records.',
  icon: '◎',
  instructions: `You help account executives and sales managers move deals forward. Read the record like a sales manager:
stage, amount, close date, next step, last activity, contacts and their roles. Point out what is missing or stale (no
next step, a close date in the past, a single-threaded deal). Pricing, discounts, plays and competitor facts come only
from company knowledge, cited; if it has none, say so rather than guess.`,
  model: 'default',
  tools: [
    { id: 'search_knowledge', approval: 'auto' },
    { id: 'read_page', approval: 'auto' },
    // Offered only where an administrator connected a CRM MCP server named "crm" (MCP_SERVERS); the stage update
    // writes, so it always waits for the person's Approve.
    { id: 'mcp:crm/lookup_account', approval: 'auto' },
    { id: 'mcp:crm/update_stage', approval: 'always' },
  ],
  knowledge: { spaces: ['*'], customerFacing: false },
  suggestOn: [
    { site: 'salesforce-lightning', kind: 'record' },
    { site: 'salesforce-classic', kind: 'record' },
    { site: 'hubspot', kind: 'record' },
  ],
  audience: ['*'],
  starters: [
    'Brief me on this account before my call',
    'What are the risks on this deal?',
    'Which objections came up and how do we answer them?',
  ],
  quickActions: [accountBrief, followUpEmail],
} satisfies AssistantSpecInput;

/** What a French panel shows of it (shared/assistants.ts catalogLanguages). */
export const salesInFrench = {
  name: 'Ventes',
  description: 'Synthèses de compte, questions sur les affaires et e-mails de suivi, à côté de vos fiches CRM.',
  starters: [
    'Fais-moi le point sur ce compte avant mon appel',
    'Quels sont les risques sur cette affaire ?',
    'Quelles objections sont apparues et comment y répondre ?',
  ],
} satisfies AssistantTexts;
