import { describe, expect, it } from 'vitest';
import { ChatRequest, chatLimits } from './chat';

const user = (text: string) => ({ id: crypto.randomUUID(), role: 'user', parts: [{ type: 'text', text }] });

describe('ChatRequest', () => {
  it('accepts AI SDK UI messages with a page', () => {
    const parsed = ChatRequest.safeParse({
      id: 'chat-1',
      messages: [user('hi')],
      page: {
        url: 'https://acme.zendesk.com/agent/tickets/1',
        title: 'Ticket',
        site: 'zendesk',
        kind: 'ticket',
        markdown: '# Ticket',
        capturedAt: '2026-11-21T10:00:00.000Z',
      },
      trigger: 'submit-message',
    });
    expect(parsed.success).toBe(true);
  });

  it('keeps tool and source parts for the AI SDK to validate', () => {
    const assistant = {
      id: 'a1',
      role: 'assistant',
      parts: [{ type: 'source-document', sourceId: '1', title: 'x', mediaType: 'text/plain' }],
    };
    expect(ChatRequest.safeParse({ messages: [user('q'), assistant, user('again')] }).success).toBe(true);
  });

  it('rejects an empty conversation, a last message not from the user, and oversize text', () => {
    expect(ChatRequest.safeParse({ messages: [] }).success).toBe(false);
    const assistant = { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: 'hello' }] };
    expect(ChatRequest.safeParse({ messages: [user('q'), assistant] }).success).toBe(false);
    expect(ChatRequest.safeParse({ messages: [user('x'.repeat(chatLimits.maxTextChars + 1))] }).success).toBe(false);
  });

  it('rejects an assistant id that could reach a path or a prompt', () => {
    expect(ChatRequest.safeParse({ messages: [user('q')], assistantId: '../admin' }).success).toBe(false);
  });
});
