import { describe, expect, it } from 'vitest';
import { expectFixtureCapture } from '../testing/expect-capture';

describe('zendesk', () => {
  it('captures the visible ticket: fields, six messages with roles, times and two internal notes', () => {
    const page = expectFixtureCapture('zendesk--ticket');
    const [first, , note] = page.conversation?.messages ?? [];
    expect(first).toMatchObject({ author: 'Maria Gonzalez', role: 'customer', time: '2026-11-02T09:14:00.000Z' });
    expect(note).toMatchObject({ author: 'Sam Patel', role: 'agent', visibility: 'internal' });
    expect(page.markdown).toContain('### Sam Patel (agent, internal note) · Nov 2 10:20 (2026-11-02T10:20:00.000Z)');
  });

  it('reports every message of a long ticket when the budget allows', () => {
    expectFixtureCapture('zendesk--long-ticket', { tokenBudget: 50_000 });
  });
});
