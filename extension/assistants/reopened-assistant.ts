import type { ConversationDetail } from '../../shared/conversations';

/**
 * The assistant a reopened conversation was talking to, for the picker to select again: the assistant asked for the
 * last answer — after a hand-off, the one that handed the question on (the person asked the Support Resolver; the
 * Investigator only took that one question over) — else the assistant the conversation started with. Undefined when
 * the conversation names none (stored before assistants existed).
 */
export function reopenedAssistantId(
  conversation: Pick<ConversationDetail, 'assistant' | 'messages'>,
): string | undefined {
  const answer = conversation.messages.findLast((message) => message.role === 'assistant' && message.assistant);
  return answer?.handoffs[0]?.from.id ?? answer?.assistant ?? conversation.assistant ?? undefined;
}
