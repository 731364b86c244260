import { z } from 'zod';
import { HandoffEvent } from './handoff';
import { CitedSource } from './knowledge';
import { RECORD_KEY_MAX_CHARS } from './record-key';

/**
 * Conversations as the API serves them (`/v1/conversations`, `/v1/me/data`). A conversation belongs to one
 * person; the record key (shared/record-key.ts) says which record or page it is about.
 */

/** Conversation ids are UUIDs the worker chooses; anything else is refused before a query runs. */
export const ConversationId = z.uuid({ error: 'A conversation id is a UUID the server gave.' });

/** The response header that names the conversation a chat turn was stored in (new or continued). */
export const CONVERSATION_HEADER = 'X-Conversation-Id';

export const CONVERSATION_TITLE_MAX_CHARS = 200;

export const MessageStatus = z.enum(['streaming', 'complete', 'stopped', 'failed']);
export type MessageStatus = z.infer<typeof MessageStatus>;

export const StoredMessage = z.object({
  id: z.string(),
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  /** The sources the answer was sent with, so its citations stay links after a reload. */
  sources: z.array(CitedSource),
  /** The hand-offs that happened while this answer was written, in order (shown above it, as when it streamed). */
  handoffs: z.array(HandoffEvent).default([]),
  assistant: z.string().nullable(),
  model: z.string().nullable(),
  /** `streaming` while the answer is still being written; `stopped` when it was cut short. */
  status: MessageStatus,
  createdAt: z.iso.datetime(),
});
export type StoredMessage = z.infer<typeof StoredMessage>;

export const ConversationSummary = z.object({
  id: ConversationId,
  title: z.string(),
  recordKey: z.string().nullable(),
  /** The page's title when the conversation started. */
  recordTitle: z.string().nullable(),
  assistant: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const ConversationDetail = ConversationSummary.extend({ messages: z.array(StoredMessage) });
export type ConversationDetail = z.infer<typeof ConversationDetail>;

/** `GET /v1/conversations`: the caller's own, newest first. */
export const ConversationListQuery = z.object({
  /** Only the conversations about this record (a record key). */
  record: z.string().min(1).max(RECORD_KEY_MAX_CHARS).optional(),
  /** Words to find in titles and messages (case-insensitive). */
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  /** Paging: conversations updated before this moment (the last `updatedAt` of the previous page). */
  before: z.iso.datetime().optional(),
});
export type ConversationListQuery = z.infer<typeof ConversationListQuery>;

export const ConversationList = z.object({ conversations: z.array(ConversationSummary) });
export type ConversationList = z.infer<typeof ConversationList>;

/** `PATCH /v1/conversations/:id`. */
export const ConversationPatch = z.strictObject({
  title: z.string().trim().min(1).max(CONVERSATION_TITLE_MAX_CHARS),
});
export type ConversationPatch = z.infer<typeof ConversationPatch>;

/** A conversation's title from its first question: its first line, shortened on a word boundary. */
export function titleFrom(text: string, maxChars = 80): string {
  const line = text.trim().split('\n')[0]?.trim() ?? '';
  if (line.length <= maxChars) return line || 'Conversation';
  const cut = line.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
