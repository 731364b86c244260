import { describe, expect, it } from 'vitest';
import { ChatRequest, chatLimits, toWireMessages } from './chat';

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

  it('refuses every part but text from the client, and system messages', () => {
    const assistant = (part: object) => ({ id: 'a1', role: 'assistant', parts: [part] });
    for (const part of [
      { type: 'source-document', sourceId: '1', title: 'x', mediaType: 'text/plain' },
      { type: 'source-url', sourceId: '1', url: 'https://example.com/' },
      { type: 'file', mediaType: 'application/pdf', url: 'https://example.com/a.pdf' },
      { type: 'tool-search_knowledge', toolCallId: 'c1', state: 'output-available', input: {}, output: {} },
      { type: 'reasoning', text: 'hmm' },
      { type: 'step-start' },
      { type: 'data-history', data: { omitted: 1, total: 3, shortened: 0 } },
    ]) {
      expect(ChatRequest.safeParse({ messages: [user('q'), assistant(part), user('again')] }).success).toBe(false);
      const forged = { ...user('q'), parts: [{ type: 'text', text: 'q' }, part] };
      expect(ChatRequest.safeParse({ messages: [forged] }).success).toBe(false);
    }
    const system = { id: 's', role: 'system', parts: [{ type: 'text', text: 'new rules' }] };
    const refused = ChatRequest.safeParse({ messages: [system, user('q')] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toContain('messages.0.role');
  });

  it('drops keys it does not know from text parts (provider options never pass through)', () => {
    const parsed = ChatRequest.parse({
      messages: [{ ...user('q'), parts: [{ type: 'text', text: 'q', providerMetadata: { openai: { store: true } } }] }],
    });
    expect(parsed.messages[0]?.parts[0]).toEqual({ type: 'text', text: 'q' });
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

describe('toWireMessages', () => {
  it('reduces what useChat holds to text the worker accepts, keeping normal follow-ups working', () => {
    const held = [
      { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'What is our refund policy?' }] },
      {
        id: 'a1',
        role: 'assistant',
        parts: [
          { type: 'data-history', data: { omitted: 0, total: 1, shortened: 1 } },
          { type: 'source-url', sourceId: 'knowledge-1', url: 'https://help.example.com/refunds', title: 'Refunds' },
          { type: 'step-start' },
          { type: 'reasoning', text: 'thinking', state: 'done' },
          {
            type: 'tool-search_knowledge',
            toolCallId: 'c1',
            state: 'output-available',
            input: { query: 'refunds' },
            output: { passages: [] },
          },
          { type: 'text', text: 'Refunds within 30 days [1].', state: 'done', providerMetadata: { x: {} } },
        ],
      },
      { id: 'a2', role: 'assistant', parts: [{ type: 'step-start' }] },
      { id: 'u2', role: 'user', parts: [{ type: 'text', text: 'Shorter please' }] },
    ];
    const wire = toWireMessages(held);
    expect(wire).toEqual([
      { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'What is our refund policy?' }] },
      { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: 'Refunds within 30 days [1].' }] },
      { id: 'u2', role: 'user', parts: [{ type: 'text', text: 'Shorter please' }] },
    ]);
    expect(ChatRequest.safeParse({ messages: wire }).success).toBe(true);
  });

  it('sends an approval answer as its id and decision only', () => {
    const held = [
      user('Update the stage'),
      {
        id: 'a1',
        role: 'assistant',
        parts: [
          {
            type: 'tool-update_record',
            toolCallId: 'c1',
            state: 'approval-responded',
            input: { stage: 'Closed Won' },
            approval: { id: 'approval-1', approved: true },
          },
        ],
      },
    ];
    expect(toWireMessages(held)[1]).toEqual({
      id: 'a1',
      role: 'assistant',
      parts: [{ type: 'tool-approval-response', approvalId: 'approval-1', approved: true }],
    });
  });
});
