import { z } from 'zod';
import { AssistantId } from './assistants';
import { ChatMessage, chatLimits } from './chat';
import { ConversationId } from './conversations';
import { PageContext, type PageKind } from './page-context';

/**
 * Quick actions: one-click tasks on the page beside the panel. This file is the contract between the panel
 * and `POST /v1/actions/:id`: the ids, what each one needs and produces, and the request schema. Each side
 * adds its own part in one file per action (worker: instructions; extension: icon, menu, shortcut), and a
 * test checks both registries cover every id here.
 */

export const actionIds = ['summarize-selection', 'summarize-page', 'follow-up-email', 'ticket-reply'] as const;
export const ActionId = z.enum(actionIds);
export type ActionId = z.infer<typeof ActionId>;

/**
 * What an action streams. `summary` is Markdown shown in the conversation; `email` is plain text whose first
 * line is `Subject: …` (see email-draft.ts); `reply` is plain text, the body of a ticket reply.
 */
export type ActionOutput = 'summary' | 'email' | 'reply';

export interface ActionSpec {
  id: ActionId;
  label: string;
  /** Page kinds the panel offers the action on. */
  kinds: readonly PageKind[];
  output: ActionOutput;
  /** The action works on the person's selection only, and refuses a page without one. */
  needsSelection?: boolean;
  /**
   * What the action writes goes to a customer (a reply, an email): it grounds only in the customer-safe spaces
   * (CUSTOMER_SAFE_SPACES), since the query is built from the customer's own words and a passage in the draft
   * would reach them.
   */
  customerFacing?: boolean;
}

const everyKind: readonly PageKind[] = ['record', 'ticket', 'thread', 'article', 'document', 'generic'];

/**
 * The shared facts per action. `generic` is among the follow-up email's kinds because meeting notes and call
 * transcripts usually live in pages no site extractor recognises (a doc, a notes tool, a pasted transcript).
 */
export const actionSpecs: Record<ActionId, ActionSpec> = {
  'summarize-selection': {
    id: 'summarize-selection',
    label: 'Summarize selection',
    kinds: everyKind,
    output: 'summary',
    needsSelection: true,
  },
  'summarize-page': { id: 'summarize-page', label: 'Summarize page', kinds: everyKind, output: 'summary' },
  'follow-up-email': {
    id: 'follow-up-email',
    label: 'Draft follow-up email',
    kinds: ['record', 'ticket', 'thread', 'document', 'generic'],
    output: 'email',
    customerFacing: true,
  },
  'ticket-reply': {
    id: 'ticket-reply',
    label: 'Draft ticket reply',
    kinds: ['ticket'],
    output: 'reply',
    customerFacing: true,
  },
};

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
  language: z
    .string()
    .trim()
    .regex(/^[\p{L}][\p{L} ()-]{1,39}$/u, 'A language name such as "French" or "pt-BR"')
    .optional(),
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
