import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../shared/page-context';
import { instructionsSent } from '../testing/actions';
import { call, jsonInit, readUIStream, testEnv, textOf, userMessage } from '../testing/support';
import { knowledgeQueryFor } from './page-facts';

const ticket: PageContext = {
  url: 'https://acme.zendesk.com/agent/tickets/4790',
  title: 'Refund for duplicate charge',
  site: 'zendesk',
  kind: 'ticket',
  markdown: '# Ticket #4790: Refund for duplicate charge\nTICKET-PAGE-3c8',
  conversation: {
    id: '4790',
    subject: 'Refund for duplicate charge',
    fields: [],
    messages: [
      { author: 'Leo Brandt', role: 'customer', visibility: 'public', text: 'I was charged twice for INV-2231.' },
      { author: 'Sam Patel', role: 'agent', visibility: 'internal', text: 'Billing bug BILL-77.' },
    ],
    omittedMessages: 0,
  },
  capturedAt: '2026-11-21T10:00:00.000Z',
};

describe('ticket-reply', () => {
  it('sends the ticket and asks for a cited reply that never invents policy', async () => {
    const system = await instructionsSent('ticket-reply', { page: ticket });
    expect(system).toContain('TICKET-PAGE-3c8');
    expect(system).toContain('like [1] or [2]');
    expect(system).toContain('do not make up a policy');
    expect(system).toContain('[policy to confirm]');
  });

  it('keeps internal notes out of the customer reply', async () => {
    const system = await instructionsSent('ticket-reply', { page: ticket });
    expect(system).toMatch(/Internal notes are for you only/);
  });

  it('without knowledge passages, forbids stating policy the page does not state', async () => {
    const system = await instructionsSent('ticket-reply', { page: ticket });
    expect(system).toContain('No company knowledge was found for this request');
  });

  it('searches knowledge with the ticket subject and the customer’s latest message, not internal notes', () => {
    const query = knowledgeQueryFor(ticket);
    expect(query).toContain('Refund for duplicate charge');
    expect(query).toContain('charged twice');
    expect(query).not.toContain('BILL-77');
  });
});

describe('ticket-reply grounded in company knowledge', () => {
  it('puts the help-center passages in the prompt and streams them as sources before the reply', async () => {
    const marker = `KB-REFUND-${crypto.randomUUID().slice(0, 8)}`;
    const seeded = await call(
      '/v1/documents',
      jsonInit({
        id: `help/refunds-${marker}`,
        title: 'Refunds for duplicate charges',
        url: 'https://help.example.com/refunds',
        space: 'company',
        markdown: `# Duplicate charges\n\nWhen a customer is charged twice for the same invoice, we refund the duplicate charge within 5 business days. ${marker}`,
      }),
    );
    expect(seeded.status).toBeLessThan(300);

    const response = await call(
      '/v1/actions/ticket-reply',
      jsonInit({ page: ticket, messages: [userMessage('[[echo-system]] draft')] }),
      // A ticket reply goes to the customer: it grounds only in customer-safe spaces.
      await testEnv({ CUSTOMER_SAFE_SPACES: 'company' }),
    );
    const chunks = await readUIStream(response);
    const system = textOf(chunks);
    expect(system).toContain('<knowledge>');
    expect(system).toContain(marker);
    expect(system).not.toContain('No company knowledge was found');
    const firstText = chunks.findIndex((chunk) => chunk.type === 'text-delta');
    const sources = chunks.filter((chunk) => chunk.type.startsWith('source-'));
    expect(sources.length).toBeGreaterThan(0);
    expect(chunks.findIndex((chunk) => chunk.type.startsWith('source-'))).toBeLessThan(firstText);
    expect(JSON.stringify(sources)).toContain('Refunds for duplicate charges');
  });
});
