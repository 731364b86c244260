import { convertToModelMessages, type ModelMessage, safeValidateUIMessages, type UIMessage } from 'ai';
import { ApiError } from './api-error';

/**
 * Validates a conversation the panel sent (AI SDK UI messages) and converts it for the model. Malformed parts
 * are the caller's mistake: a 400 invalid_request, never a 500 from deep inside the SDK.
 */
export async function conversationFrom(messages: unknown[]): Promise<{ ui: UIMessage[]; model: ModelMessage[] }> {
  const validated = await safeValidateUIMessages<UIMessage>({ messages });
  if (!validated.success) {
    throw new ApiError({
      status: 400,
      code: 'invalid_request',
      title: 'Invalid messages',
      detail: validated.error.message.slice(0, 500),
    });
  }
  return { ui: validated.data, model: await convertToModelMessages(validated.data) };
}
