import { describe, expect, it } from 'vitest';
import { defaultActionOptions } from '../../shared/actions';
import { QuickActionSpec } from '../../shared/assistants';
import type { PageContext } from '../../shared/page-context';
import { actionInstructions } from '../../worker/actions/prompt';
import { summarizeSelection } from '../../worker/actions/summarize-selection';
import { chatInstructions } from '../../worker/prompt/instructions';
import { renderKnowledgeBlock } from '../../worker/prompt/knowledge-block';
import { planChat } from './chat-plan';
import { demoSources, languageOf, rankByOverlap } from './demo';

const opportunity: PageContext = {
  url: 'https://northwind.lightning.force.com/lightning/r/Opportunity/006A/view',
  title: 'Acme Corp — Platform renewal | Salesforce',
  site: 'salesforce',
  kind: 'record',
  markdown: [
    '# Opportunity: Acme Corp — Platform renewal',
    '',
    '- Stage: Negotiation',
    '- Amount: €84,000',
    '- Close Date: 2026-12-18',
    '- Contact: Dana Whitfield',
    '- Next Step: Send the revised quote with the multi-year discount.',
    '',
    'Dana asked whether a three-year commitment changes the price per seat.',
  ].join('\n'),
  capturedAt: '2026-11-21T10:00:00.000Z',
};

const knowledge = renderKnowledgeBlock([
  {
    label: '1',
    title: 'Pricing 2026',
    space: 'sales',
    text: 'The Business plan costs €35 per seat per month. A three-year commitment earns a 15% multi-year discount.',
  },
  {
    label: '2',
    title: 'Discount playbook',
    space: 'sales',
    text: 'Discounts above 20% need approval from the sales director. Always anchor on value before price.',
  },
]);

const system = (page?: PageContext) =>
  chatInstructions({
    pageTokenBudget: 8000,
    today: '2026-11-21',
    knowledge,
    canSearch: true,
    ...(page ? { page } : {}),
  });

const request = (question: string, instructions = system(opportunity)) => ({
  model: 'test-model',
  messages: [
    { role: 'system', content: instructions },
    { role: 'user', content: question },
  ],
});

const answerOf = (question: string, instructions?: string) => {
  const plan = planChat(request(question, instructions), 1, { demo: true });
  if (plan.answer.kind !== 'text') throw new Error('expected text');
  return plan.answer.text;
};

describe('demo model', () => {
  it('reads the page block and the numbered passages the worker rendered', () => {
    const sources = demoSources(request('x').messages);
    expect(sources.title).toBe('Acme Corp — Platform renewal | Salesforce');
    expect(sources.facts).toContainEqual({ label: 'Stage', value: 'Negotiation' });
    expect(sources.passages.map((passage) => passage.label)).toEqual(['1', '1', '2', '2']);
    expect(sources.page.every((sentence) => sentence.label === 'P')).toBe(true);
  });

  it('answers with the sentences that share the question’s words, each cited to where it comes from', () => {
    const answer = answerOf('Does a three-year commitment change anything?');
    expect(answer.split('\n')[0]).toMatch(/^_Demo answer \(no AI model configured\)/);
    expect(answer).toContain('A three-year commitment earns a 15% multi-year discount. [1]');
    expect(answer).toContain('Dana asked whether a three-year commitment changes the price per seat. [P]');
    // Passage 2 shares no word with the question: not quoted, so not cited.
    expect(answer).not.toContain('[2]');
    // Every cited sentence is quoted verbatim from its source.
    const sources = demoSources(request('x').messages);
    for (const line of answer.split('\n').filter((candidate) => candidate.startsWith('- '))) {
      const [, text, label] = /^- (.*) \[(P|\d+)\]$/.exec(line) ?? [];
      const pool = label === 'P' ? sources.page : sources.passages.filter((passage) => passage.label === label);
      expect(
        pool.some((sentence) => sentence.text.replace(/[.;:,]?$/, '.') === text),
        line,
      ).toBe(true);
    }
  });

  it('answers a question in French with a French label, still quoting and citing the sources', () => {
    expect(languageOf('Quelle est la prochaine étape sur cette affaire ?')).toBe('fr');
    expect(languageOf('What is the next step on this deal?')).toBe('en');
    const answer = answerOf('Quelle remise pour un engagement three-year ?');
    expect(answer).toMatch(/^_Réponse de démonstration \(aucun modèle d’IA configuré\)/);
    expect(answer).toContain('[1]');
  });

  it('falls back to the start of the page when nothing matches, and says so when there is nothing at all', () => {
    expect(answerOf('Hello?')).toContain('Opportunity: Acme Corp — Platform renewal. [P]');
    const bare = answerOf('Hello?', chatInstructions({ pageTokenBudget: 8000, today: '2026-11-21' }));
    expect(bare).toContain('Nothing on the page or in the company knowledge matches this question.');
  });

  it('drafts a follow-up email from the page facts: subject, greeting by name, stage, amount, next step', () => {
    const instructions = `${system(opportunity)}\n\nTask: draft the follow-up email the person using Beside should send now.`;
    const draft = answerOf('Draft the follow-up email', instructions);
    const [subject, ...body] = draft.split('\n');
    expect(subject).toBe('Subject: Following up: Acme Corp — Platform renewal');
    expect(body.join('\n')).toContain('Demo draft, no AI model configured');
    expect(body.join('\n')).toContain('Hi Dana,');
    expect(body.join('\n')).toContain('- Stage: Negotiation');
    expect(body.join('\n')).toContain('- Amount: €84,000');
    expect(body.join('\n')).toContain('- Next Step: Send the revised quote with the multi-year discount.');
  });

  it('drafts a ticket reply citing the help-center passages that match the ticket', () => {
    const ticket: PageContext = {
      ...opportunity,
      kind: 'ticket',
      title: 'Ticket #4821: Discount for a three-year commitment',
      markdown:
        '- Subject: Discount for a three-year commitment\n- Requester: Dana Whitfield\n\nWhat discount do we get for a three-year commitment?',
    };
    const instructions = `${system(ticket)}\n\nTask: draft the public reply to the customer on this ticket.`;
    const reply = answerOf('Draft a reply to the customer', instructions);
    expect(reply).toContain('Hi Dana,');
    expect(reply).toContain('A three-year commitment earns a 15% multi-year discount. [1]');
  });

  it('summarises the page by its facts, cited to the page, in the language of the request', () => {
    const instructions = `${system(opportunity)}\n\nTask: summarise the page between <page> and </page>.`;
    const summary = answerOf('Résume cette page', instructions);
    expect(summary).toMatch(/^_Résumé de démonstration/);
    expect(summary).toContain('- Stage: Negotiation [P]');
  });

  it('summarises a selection by its own sentences: named after its page, no page citation, none of the page’s address lines', () => {
    const article: PageContext = {
      url: 'https://help.northwind.example/articles/sso-setup',
      title: 'Set up single sign-on (SAML) – Northwind Help Center',
      site: 'generic',
      kind: 'article',
      markdown: '# Set up single sign-on\n\nRequire SSO for every member once it works.',
      capturedAt: '2026-11-21T10:00:00.000Z',
      selection: {
        text: 'Create a SAML application in your identity provider.\nSet the ACS URL to the one shown under Settings → Security → SSO.',
      },
    };
    const instructions = actionInstructions({
      action: QuickActionSpec.parse(summarizeSelection),
      page: article,
      options: defaultActionOptions,
      today: '2026-11-21',
      pageTokenBudget: 8000,
    });
    const summary = answerOf('Summarize the selected text', instructions);
    expect(summary.split('\n')[0]).toMatch(/^_Demo summary \(no AI model configured\): the selected text/);
    expect(summary).toContain('**From “Set up single sign-on (SAML) – Northwind Help Center”**');
    expect(summary).toContain('- Create a SAML application in your identity provider.');
    expect(summary).toContain('- Set the ACS URL to the one shown under Settings → Security → SSO.');
    // The selection has no page source in the panel: a [P] would show as raw text. Nor is the page's address a fact.
    expect(summary).not.toContain('[P]');
    expect(summary).not.toMatch(/url:|kind:|captured:|help\.northwind\.example|Require SSO/);
  });

  it('keeps the default echo when not in demo mode, and directives win over the demo answer', () => {
    const echo = planChat(request('What is the stage?'), 1);
    expect(echo.answer).toMatchObject({
      kind: 'text',
      text: expect.stringMatching(/^You asked: "What is the stage\?"/),
    });
    const scripted = planChat(request('[[reply: scripted]] What is the stage?'), 1, { demo: true });
    expect(scripted.answer).toEqual({ kind: 'text', text: 'scripted' });
  });

  it('ranks by shared words and ignores function words', () => {
    const ranked = rankByOverlap('what is the price per seat', [
      { label: 'P', text: 'What is the weather like today', order: 0 },
      { label: '1', text: 'The price per seat is €35', order: 1 },
    ]);
    expect(ranked.map((sentence) => sentence.label)).toEqual(['1']);
  });
});
