import { z } from 'zod';
import { ConversationId } from './conversations';
import { PageContext } from './page-context';

/** Limits shared by the panel (to stop early with a clear message) and the worker (to enforce). */
export const chatLimits = {
  maxMessages: 200,
  maxPartsPerMessage: 100,
  maxTextChars: 100_000,
  maxBodyBytes: 1_000_000,
} as const;

/**
 * The conversation as it crosses the wire: what the client may say, and nothing it could forge. The worker
 * rebuilds every message from these fields alone (unknown keys such as `providerMetadata` are dropped), so:
 * - user messages carry text only (the page travels in `page`, never as a part);
 * - assistant messages carry the text of earlier answers, and answers to tool approvals the server issued.
 *   Sources and tool results are the server's own: it re-derives them, never takes them from a request;
 * - there are no `system` messages: instructions come from the server.
 * Any other part (`file`, `source-*`, `tool-*`, `dynamic-tool`, `reasoning`, `data-*`, …) or role is refused
 * with 400 invalid_request. The panel reduces what useChat holds with `toWireMessages` before sending.
 */
const TextPart = z.object({ type: z.literal('text'), text: z.string().max(chatLimits.maxTextChars) });

/**
 * The person's answer to a tool approval the server asked for. Only the id and the decision cross the wire (any
 * other key, such as a tool name or arguments, is refused): the tool and its input come from the server's own
 * record of the approval, and an id it never issued, or one already answered, is refused.
 */
export const APPROVAL_RESPONSE_PART = 'tool-approval-response';
const ApprovalResponsePart = z.strictObject({
  type: z.literal(APPROVAL_RESPONSE_PART),
  approvalId: z.string().min(1).max(200),
  approved: z.boolean(),
  reason: z.string().max(1_000).optional(),
});

const messageId = z.string().min(1).max(200);

const UserMessage = z.object({
  id: messageId,
  role: z.literal('user'),
  parts: z
    .array(
      z.discriminatedUnion('type', [TextPart], {
        error: 'User messages carry text parts only (no file, source, tool, reasoning or data parts).',
      }),
    )
    .min(1)
    .max(chatLimits.maxPartsPerMessage),
});

const AssistantMessage = z.object({
  id: messageId,
  role: z.literal('assistant'),
  parts: z
    .array(
      z.discriminatedUnion('type', [TextPart, ApprovalResponsePart], {
        error: `Earlier answers carry their text only (and "${APPROVAL_RESPONSE_PART}" parts); sources and tool results come from the server.`,
      }),
    )
    .max(chatLimits.maxPartsPerMessage),
});

export const ChatMessage = z.discriminatedUnion('role', [UserMessage, AssistantMessage], {
  error: 'The role must be "user" or "assistant": instructions come from the server, never from a request.',
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** The parts of a panel message that `toWireMessages` reads (structurally, an AI SDK UIMessage). */
interface PanelMessage {
  id: string;
  role: string;
  parts: readonly { type: string; text?: unknown; state?: unknown; approval?: unknown }[];
}

type WirePart = ChatMessage['parts'][number];

function textOf(part: PanelMessage['parts'][number]): WirePart | undefined {
  return part.type === 'text' && typeof part.text === 'string' && part.text
    ? { type: 'text', text: part.text }
    : undefined;
}

function approvalOf(part: PanelMessage['parts'][number]): WirePart | undefined {
  if (!part.type.startsWith('tool-') || part.state !== 'approval-responded') return undefined;
  const approval = part.approval as { id?: unknown; approved?: unknown; reason?: unknown } | undefined;
  if (typeof approval?.id !== 'string' || typeof approval.approved !== 'boolean') return undefined;
  return {
    type: APPROVAL_RESPONSE_PART,
    approvalId: approval.id,
    approved: approval.approved,
    ...(typeof approval.reason === 'string' ? { reason: approval.reason } : {}),
  };
}

/**
 * The panel's conversation reduced to what the worker accepts: the text of each message, and approval answers.
 * Step markers, sources, tool calls and notices stay in the panel (the worker re-derives what it needs), and a
 * message left with nothing to say is not sent.
 */
export function toWireMessages(messages: readonly PanelMessage[]): ChatMessage[] {
  return messages.flatMap((message): ChatMessage[] => {
    if (message.role === 'user') {
      const parts = message.parts.flatMap((part) => textOf(part) ?? []) as Extract<WirePart, { type: 'text' }>[];
      return parts.length > 0 ? [{ id: message.id, role: 'user', parts }] : [];
    }
    if (message.role !== 'assistant') return [];
    const parts = message.parts.flatMap((part) => textOf(part) ?? approvalOf(part) ?? []);
    return parts.length > 0 ? [{ id: message.id, role: 'assistant', parts }] : [];
  });
}

/** An assistant message that answers tool approvals: the follow-up after Approve / Deny, which ends with it. */
export function answersApprovals(message: ChatMessage | undefined): boolean {
  return message?.role === 'assistant' && message.parts.some((part) => part.type === APPROVAL_RESPONSE_PART);
}

export const ChatRequest = z.object({
  /** The AI SDK transport sends the chat id; we accept it for logging only. */
  id: z.string().max(200).optional(),
  messages: z
    .array(ChatMessage)
    .min(1)
    .max(chatLimits.maxMessages)
    .refine((messages) => messages.at(-1)?.role === 'user' || answersApprovals(messages.at(-1)), {
      message: 'The last message must come from the user (or be the answer to the approvals Beside asked for).',
    }),
  page: PageContext.optional(),
  /** The stored conversation this turn continues (the X-Conversation-Id of an earlier answer); absent: a new one. */
  conversationId: ConversationId.optional(),
  /** The assistant that answers; absent: General (never guessed from the page). */
  assistantId: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/)
    .optional(),
  /** Sent by the AI SDK transport ("submit-message", "regenerate-message"); informational. */
  trigger: z.string().max(50).optional(),
  messageId: z.string().max(200).optional(),
});
export type ChatRequest = z.infer<typeof ChatRequest>;

/**
 * Sent as a data part (`data-history`) at the start of an answer when the worker left messages out of the prompt,
 * or shortened them, to fit its conversation budget (HISTORY_TOKEN_BUDGET), so the panel can say so.
 */
export const HISTORY_NOTICE_PART = 'data-history';
export const HistoryNotice = z.object({
  /** Messages of the conversation the model did not get (the oldest after the first question). */
  omitted: z.number().int().nonnegative(),
  /** Messages the panel sent. */
  total: z.number().int().nonnegative(),
  /** Messages the model got shortened, with a note saying so (the latest, when it alone exceeds the budget). */
  shortened: z.number().int().nonnegative(),
});
export type HistoryNotice = z.infer<typeof HistoryNotice>;
