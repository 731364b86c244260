import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../shared/page-context';
import { instructionsSent } from '../testing/actions';
import { salesCall } from '../testing/sales-calls';
import { call, jsonInit, testEnv } from '../testing/support';

const opportunity: PageContext = {
  url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006xx/view',
  title: 'Acme Corp — 2027 renewal | Salesforce',
  site: 'salesforce-lightning',
  kind: 'record',
  markdown: '# Opportunity: Acme Corp — 2027 renewal\n- Stage: Negotiation\n- Amount: $120,000',
  record: {
    objectType: 'Opportunity',
    name: 'Acme Corp — 2027 renewal',
    fields: [
      { label: 'Stage', value: 'Negotiation' },
      { label: 'Amount', value: '$120,000' },
      { label: 'Primary Contact', value: 'Dana Whitfield' },
      { label: 'Contact Email', value: 'dana.whitfield@acme.example' },
    ],
    related: [],
    activity: ['2026-11-18 · Call · Pricing objection on seat count'],
  },
  capturedAt: '2026-11-21T10:00:00.000Z',
};

const ticket: PageContext = {
  url: 'https://acme.zendesk.com/agent/tickets/4821',
  title: 'Export to CSV fails',
  site: 'zendesk',
  kind: 'ticket',
  markdown: '# Ticket #4821',
  conversation: {
    id: '4821',
    subject: 'Export to CSV fails',
    fields: [{ label: 'Requester', value: 'Maria Gonzalez' }],
    messages: [
      { author: 'Maria Gonzalez', role: 'customer', visibility: 'public', text: 'Export fails.', time: '2026-11-02' },
      { author: 'Ana Lima', role: 'agent', visibility: 'internal', text: 'Fix shipped.' },
    ],
    omittedMessages: 0,
  },
  capturedAt: '2026-11-21T10:00:00.000Z',
};

describe('follow-up-email', () => {
  it('sends the record fields and names who to address, from the record', async () => {
    const system = await instructionsSent('follow-up-email', { page: opportunity });
    expect(system).toContain('Stage: Negotiation');
    expect(system).toContain('## Who to address (from the page)');
    expect(system).toContain('- Primary Contact: Dana Whitfield');
    expect(system).toContain('- Contact Email: dana.whitfield@acme.example');
    // The facts are page data: inside the delimited block, before </page>.
    expect(system.indexOf('Who to address')).toBeGreaterThan(system.indexOf('<page>'));
    expect(system.indexOf('Who to address')).toBeLessThan(system.lastIndexOf('</page>'));
  });

  it('addresses the other party of a ticket, not a colleague from an internal note', async () => {
    const system = await instructionsSent('follow-up-email', { page: ticket });
    expect(system).toContain('- Requester: Maria Gonzalez');
    expect(system).toContain('Latest public message from the other party: Maria Gonzalez (2026-11-02)');
    expect(system).not.toContain('other party: Ana Lima');
  });

  it('asks for a Subject line, placeholders instead of invented facts, and next steps', async () => {
    const system = await instructionsSent('follow-up-email', { page: opportunity });
    expect(system).toContain('Subject: <a specific subject line>');
    expect(system).toContain('[date to confirm]');
    expect(system).toMatch(/Never invent facts, names, prices/);
    expect(system).toContain('next steps and every commitment');
  });

  it('says when no company knowledge grounds the draft, so prices come only from the page', async () => {
    const system = await instructionsSent('follow-up-email', { page: opportunity });
    expect(system).toContain('No company knowledge was found for this request');
  });

  it.each([
    ['friendly', 'warm and personable'],
    ['formal', 'no contractions, no exclamation marks'],
    ['concise', 'no pleasantries beyond a one-line greeting'],
  ])('reflects the %s tone, and only that one', async (tone, expected) => {
    const system = await instructionsSent('follow-up-email', { page: opportunity, options: { tone } });
    expect(system).toMatch(new RegExp(`^Tone: ${tone} — .*${expected}`, 'm'));
    expect(system.match(/^Tone: /gm)).toHaveLength(1);
  });

  it.each([
    ['short', 'at most 80 words'],
    ['medium', 'about 120 to 180 words'],
    ['long', 'about 250 to 350 words'],
  ])('reflects the %s length', async (length, expected) => {
    const system = await instructionsSent('follow-up-email', { page: opportunity, options: { length } });
    expect(system).toContain(expected);
  });

  it('defaults the language to the thread’s, and follows a chosen one', async () => {
    expect(await instructionsSent('follow-up-email', { page: opportunity })).toContain(
      "the language of the other party's latest message",
    );
    expect(
      await instructionsSent('follow-up-email', { page: opportunity, options: { language: 'Deutsch' } }),
    ).toContain('Language: write in Deutsch.');
  });

  it('drafts from a real sales-call transcript (shared data set), with all of it reaching the model', async () => {
    const transcript = salesCall('follow-up-success-01');
    const page: PageContext = {
      url: 'https://notes.example.com/calls/FU-2024-156',
      title: 'Sales Call Transcript: Follow-Up Call',
      site: 'generic',
      kind: 'document',
      markdown: transcript,
      capturedAt: '2026-11-21T10:00:00.000Z',
    };
    const system = await instructionsSent('follow-up-email', { page });
    expect(transcript.length).toBeGreaterThan(2_000);
    expect(system).toContain('Chris Anderson (Sales Operations Lead, DataPro)');
    expect(system).toContain(transcript.trim().split('\n').at(-1)!.trim());
    expect(system).toMatch(/meeting or call/);
  });

  it('fits a long transcript into the page budget and says what it left out', async () => {
    const transcripts = ['discovery-call-01', 'demo-call-success-01', 'closing-call-01'].map(salesCall).join('\n\n');
    const page: PageContext = {
      url: 'https://notes.example.com/calls/all',
      title: 'All calls',
      site: 'generic',
      kind: 'document',
      markdown: transcripts.repeat(4),
      capturedAt: '2026-11-21T10:00:00.000Z',
    };
    const system = await instructionsSent('follow-up-email', { page });
    expect(system).toMatch(/more characters of this page were omitted to fit the budget/);
    expect(system).toContain('Task: draft the follow-up email');
  });
});

describe('follow-up-email grounded in company knowledge', () => {
  it('brings the pricing playbook into the prompt, so prices come from it and not from memory', async () => {
    const marker = `KB-PRICING-${crypto.randomUUID().slice(0, 8)}`;
    const seeded = await call(
      '/v1/documents',
      jsonInit({
        id: `sales/pricing-${marker}`,
        title: 'Pricing playbook: multi-year renewals',
        space: 'company',
        markdown: `# Multi-year renewals\n\nA 3-year term on a renewal opportunity qualifies for the multi-year discount tier. ${marker}`,
      }),
    );
    expect(seeded.status).toBeLessThan(300);
    // A follow-up email goes to the customer: it grounds only in customer-safe spaces.
    const environment = await testEnv({ CUSTOMER_SAFE_SPACES: 'company' });
    const system = await instructionsSent('follow-up-email', { page: opportunity }, environment);
    expect(system).toContain('<knowledge>');
    expect(system).toContain(marker);
    expect(system.indexOf('<knowledge>')).toBeLessThan(system.indexOf('Task: draft the follow-up email'));
  });
});
