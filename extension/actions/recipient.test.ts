import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../shared/page-context';
import { fallbackSubject, recipientEmail } from './recipient';

const base: PageContext = {
  url: 'https://acme.lightning.force.com/x',
  title: 'Acme Corp — 2027 renewal | Salesforce',
  site: 'salesforce-lightning',
  kind: 'record',
  markdown: 'Owner: sam@ourco.example',
  capturedAt: '2026-11-21T10:00:00.000Z',
};

describe('recipient', () => {
  it('takes the contact’s address from a labelled field, preferring contact fields', () => {
    const page: PageContext = {
      ...base,
      record: {
        objectType: 'Opportunity',
        name: 'Acme Corp — 2027 renewal',
        fields: [
          { label: 'Owner Email', value: 'sam@ourco.example' },
          { label: 'Primary Contact', value: 'Dana Whitfield <dana.whitfield@acme.example>' },
        ],
        related: [],
        activity: [],
      },
    };
    expect(recipientEmail(page)).toBe('dana.whitfield@acme.example');
  });

  it('never takes an address from the free page text', () => {
    expect(recipientEmail(base)).toBeUndefined();
    expect(recipientEmail(undefined)).toBeUndefined();
  });

  it('proposes a subject from what the page is about', () => {
    expect(fallbackSubject(base)).toBe('Following up: Acme Corp — 2027 renewal');
    const ticket = { ...base, conversation: { subject: 'Export fails', fields: [], messages: [], omittedMessages: 0 } };
    expect(fallbackSubject(ticket)).toBe('Following up: Export fails');
  });
});
