import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../shared/conversations';
import { reopenedAssistantId } from './reopened-assistant';

const message = (role: StoredMessage['role'], assistant: string | null, extra: Partial<StoredMessage> = {}) => ({
  id: crypto.randomUUID(),
  role,
  text: 'text',
  sources: [],
  handoffs: [],
  assistant,
  model: null,
  status: 'complete' as const,
  createdAt: '2026-12-01T10:00:00.000Z',
  ...extra,
});

describe('reopenedAssistantId: the picker follows a reopened conversation', () => {
  it('selects the assistant of the last answer', () => {
    const messages = [
      message('user', null),
      message('assistant', 'sales'),
      message('user', null),
      message('assistant', 'writer'),
    ];
    expect(reopenedAssistantId({ assistant: 'sales', messages })).toBe('writer');
  });

  it('after a hand-off, the assistant the person asked, not the one that took over', () => {
    const handoffs = [
      {
        outcome: 'handed-off' as const,
        from: { id: 'support-resolver', name: 'Support Resolver' },
        to: { id: 'support-investigator', name: 'Support Investigator' },
        reason: 'no policy covers it',
        confidence: 0.2,
      },
    ];
    const messages = [message('user', null), message('assistant', 'support-investigator', { handoffs })];
    expect(reopenedAssistantId({ assistant: 'support-resolver', messages })).toBe('support-resolver');
  });

  it('falls back to the conversation’s assistant, and to nothing when neither names one', () => {
    expect(reopenedAssistantId({ assistant: 'hr-policy', messages: [message('user', null)] })).toBe('hr-policy');
    expect(
      reopenedAssistantId({ assistant: null, messages: [message('user', null), message('assistant', null)] }),
    ).toBe(undefined);
  });
});
