import { z } from 'zod';
import { PageContext } from './page-context';

/** Limits shared by the panel (to stop early with a clear message) and the worker (to enforce). */
export const chatLimits = {
  maxMessages: 200,
  maxPartsPerMessage: 100,
  maxTextChars: 100_000,
  maxBodyBytes: 1_000_000,
} as const;

/**
 * An AI SDK UI message as it crosses the wire. Text parts are checked strictly; other part types
 * (tool calls, sources, reasoning) are passed through as objects the AI SDK validates itself.
 */
const TextPart = z.object({ type: z.literal('text'), text: z.string().max(chatLimits.maxTextChars) });
const OtherPart = z.looseObject({ type: z.string().regex(/^(?!text$)[a-z0-9_-]+(?:-[a-z0-9_-]+)*$/i) });

export const ChatMessage = z.object({
  id: z.string().min(1).max(200),
  role: z.enum(['user', 'assistant', 'system']),
  parts: z.array(z.union([TextPart, OtherPart])).max(chatLimits.maxPartsPerMessage),
  metadata: z.unknown().optional(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ChatRequest = z.object({
  /** The AI SDK transport sends the chat id; we accept it for logging only. */
  id: z.string().max(200).optional(),
  messages: z
    .array(ChatMessage)
    .min(1)
    .max(chatLimits.maxMessages)
    .refine((messages) => messages.at(-1)?.role === 'user', {
      message: 'The last message must come from the user.',
    }),
  page: PageContext.optional(),
  assistantId: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/)
    .optional(),
  /** Sent by the AI SDK transport ("submit-message", "regenerate-message"); informational. */
  trigger: z.string().max(50).optional(),
  messageId: z.string().max(200).optional(),
});
export type ChatRequest = z.infer<typeof ChatRequest>;
