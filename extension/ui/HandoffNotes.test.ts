// First: modules on this path define storage items, which read `chrome.storage` as soon as they load.
import '../testing/fake-browser';
import type { UIMessage } from 'ai';
import { describe, expect, it } from 'vitest';
import { handoffEventsOf } from './HandoffNotes';

const handedOff = {
  outcome: 'handed-off',
  from: { id: 'support-resolver', name: 'Support Resolver' },
  to: { id: 'support-investigator', name: 'Support Investigator' },
  reason: 'no policy covers refunds after 90 days',
  confidence: 0.2,
};
const needsHuman = { outcome: 'needs-human', from: handedOff.to, reason: 'order unknown', confidence: 0.1 };

describe('hand-off notes of an answer', () => {
  it('reads the data-handoff parts in order and ignores anything that is not one', () => {
    const message = {
      id: 'a1',
      role: 'assistant',
      parts: [
        { type: 'data-handoff', id: '1', data: handedOff },
        { type: 'text', text: 'Needs a human.' },
        { type: 'data-handoff', id: '2', data: { outcome: 'teleported', reason: 'x' } },
        { type: 'data-handoff', id: '3', data: needsHuman },
      ],
    } as unknown as UIMessage;
    expect(handoffEventsOf(message)).toEqual([handedOff, needsHuman]);
    expect(handoffEventsOf({ id: 'a2', role: 'assistant', parts: [] } as UIMessage)).toEqual([]);
  });
});
