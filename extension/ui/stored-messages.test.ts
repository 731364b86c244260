// First: modules on this path define storage items, which read `chrome.storage` as soon as they load.
import '../testing/fake-browser';
import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../shared/conversations';
import { citedLabels, sourcesOf } from './citation-sources';
import { handoffEventsOf } from './HandoffNotes';
import { toUIMessage } from './stored-messages';

const answer: StoredMessage = {
  id: 'answer-1',
  role: 'assistant',
  text: 'The renewal is in negotiation [P], with a 10% cap [1].',
  sources: [
    { label: 'P', kind: 'page', title: 'Opportunity: Acme', url: 'https://acme.lightning.force.com/x', text: 'Stage' },
    { label: '1', kind: 'knowledge', title: 'Pricing', url: null, space: 'sales', text: 'Cap at 10%' },
  ],
  handoffs: [],
  assistant: null,
  model: 'gpt-4o-mini',
  status: 'complete',
  createdAt: '2026-12-01T10:00:00.000Z',
};

describe('toUIMessage: a stored answer reopened in the panel', () => {
  it('keeps its citations: the panel finds the same sources it would in a streamed answer', () => {
    const message = toUIMessage(answer);
    const sources = sourcesOf(message);
    expect([...sources.keys()]).toEqual(['P', '1']);
    expect(citedLabels(answer.text, sources)).toEqual(['P', '1']);
    expect(message.parts.at(-1)).toEqual({ type: 'text', text: answer.text, state: 'done' });
  });

  it('keeps the question as text only', () => {
    const message = toUIMessage({ ...answer, id: 'q-1', role: 'user', text: 'Where are we?', sources: [] });
    expect(message).toMatchObject({ id: 'q-1', role: 'user', parts: [{ type: 'text', text: 'Where are we?' }] });
  });

  it('keeps its hand-off note, read by the panel as when it streamed, before the words', () => {
    const handoff = {
      outcome: 'handed-off' as const,
      from: { id: 'support-resolver', name: 'Support Resolver' },
      to: { id: 'support-investigator', name: 'Support Investigator' },
      reason: 'no policy covers refunds after 120 days',
      confidence: 0.2,
    };
    const message = toUIMessage({ ...answer, handoffs: [handoff] });
    expect(handoffEventsOf(message)).toEqual([handoff]);
    expect(message.parts.at(-1)?.type).toBe('text');
  });
});
