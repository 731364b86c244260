import { z } from 'zod';
import { AssistantId } from './assistants';
import { type BuiltInQuickActionId, builtInQuickActions } from './built-in-quick-actions';
import { ChatMessage, chatLimits } from './chat';
import { ConversationId } from './conversations';
import { LanguageName } from './language';
import { PageContext } from './page-context';

/**
 * Quick actions: one-click tasks on the page beside the panel. This file is the contract of `POST /v1/actions/:id`:
 * the request schema and the draft options. The built-in actions themselves are one list,
 * shared/built-in-quick-actions.ts (each worker file adds its task; the extension derives its menu and commands); an
 * administrator's assistants add their own, served by the same route.
 */

/** The built-in quick actions' ids, in the panel's order. */
export const actionIds = builtInQuickActions.map((action) => action.id) as [
  BuiltInQuickActionId,
  ...BuiltInQuickActionId[],
];
export const ActionId = z.enum(actionIds);
export type ActionId = BuiltInQuickActionId;

export const tones = ['friendly', 'formal', 'concise'] as const;
export const Tone = z.enum(tones);
export type Tone = z.infer<typeof Tone>;

export const lengths = ['short', 'medium', 'long'] as const;
export const Length = z.enum(lengths);
export type Length = z.infer<typeof Length>;

export const ActionOptions = z.object({
  tone: Tone.default('friendly'),
  length: Length.default('medium'),
  /** A language name ("French", "Deutsch", "pt-BR"); absent = the language of the thread or page. */
  language: LanguageName.optional(),
});
export type ActionOptions = z.infer<typeof ActionOptions>;

export const defaultActionOptions: ActionOptions = { tone: 'friendly', length: 'medium' };

export const ActionRequest = z.object({
  page: PageContext,
  /**
   * The conversation the action continues, as the AI SDK transport sends it (the last message is the
   * person's request, e.g. "Summarize the selection" or their own guidance). Absent: the action's default request.
   */
  messages: z
    .array(ChatMessage)
    .min(1)
    .max(chatLimits.maxMessages)
    .refine((messages) => messages.at(-1)?.role === 'user', { message: 'The last message must come from the user.' })
    .optional(),
  options: ActionOptions.default(defaultActionOptions),
  /**
   * The stored conversation the action's turn joins (the one the panel shows), as for a question. Absent: a new
   * conversation about the page. Either way the request and what the action wrote are stored like a chat turn,
   * and the response names the conversation in the X-Conversation-Id header.
   */
  conversationId: ConversationId.optional(),
  /**
   * The assistant whose task this is (the one picked in the panel). Absent: the first assistant the caller may use
   * that offers the action (built-ins first), so a click works without knowing the catalog.
   */
  assistantId: AssistantId.optional(),
  /** Sent by the AI SDK transport; informational. */
  id: z.string().max(200).optional(),
  trigger: z.string().max(50).optional(),
  messageId: z.string().max(200).optional(),
});
export type ActionRequest = z.input<typeof ActionRequest>;
