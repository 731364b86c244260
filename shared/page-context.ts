import { z } from 'zod';

/**
 * What the extension captured from the page the person is looking at.
 * Everything in here is untrusted page data: the worker puts it in the prompt as delimited data, never as instructions.
 */

export const pageKinds = ['record', 'ticket', 'thread', 'article', 'document', 'generic'] as const;
export const PageKind = z.enum(pageKinds);
export type PageKind = z.infer<typeof PageKind>;

/** A labelled value shown on a record page ("Stage" → "Negotiation"). */
export const RecordField = z.object({
  label: z.string().max(200),
  value: z.string().max(4_000),
});
export type RecordField = z.infer<typeof RecordField>;

/** A related list on a record ("Contacts (3)") with its first rows. */
export const RelatedList = z.object({
  name: z.string().max(200),
  count: z.number().int().nonnegative().optional(),
  rows: z.array(z.array(RecordField).max(20)).max(20).default([]),
});
export type RelatedList = z.infer<typeof RelatedList>;

export const RecordSummary = z.object({
  /** The application's object type: Opportunity, Account, Contact, Lead, Case, Deal, Issue… */
  objectType: z.string().max(100),
  id: z.string().max(200).optional(),
  name: z.string().max(500),
  fields: z.array(RecordField).max(500).default([]),
  related: z.array(RelatedList).max(50).default([]),
  /** Recent activity, newest first, as short lines ("2026-11-02 · Call · Discussed pricing"). */
  activity: z.array(z.string().max(2_000)).max(200).default([]),
});
export type RecordSummary = z.infer<typeof RecordSummary>;

export const MessageRole = z.enum(['customer', 'agent', 'system', 'other']);
export const MessageVisibility = z.enum(['public', 'internal']);

export const ConversationMessage = z.object({
  author: z.string().max(300),
  role: MessageRole.default('other'),
  /** ISO 8601 when the page gives a parseable date, the page's own wording otherwise. */
  time: z.string().max(100).optional(),
  /** The time as the person sees it on the page ("09:12", "Yesterday 17:20"), kept beside `time`, never shifted. */
  shownTime: z.string().max(100).optional(),
  visibility: MessageVisibility.default('public'),
  text: z.string().max(100_000),
});
export type ConversationMessage = z.infer<typeof ConversationMessage>;

export const Conversation = z.object({
  /** The ticket or thread number the app shows ("4821" for Zendesk ticket #4821). */
  id: z.string().max(200).optional(),
  subject: z.string().max(1_000).optional(),
  /** What the app calls the item when it is not a ticket (said in the page's header and the capture chip). */
  noun: z.enum(['issue', 'pullRequest']).optional(),
  /** Ticket or thread metadata shown beside the conversation: status, priority, requester… */
  fields: z.array(RecordField).max(200).default([]),
  messages: z.array(ConversationMessage).max(2_000).default([]),
  /** How many messages the budget left out (between the first and the newest ones). */
  omittedMessages: z.number().int().nonnegative().default(0),
});
export type Conversation = z.infer<typeof Conversation>;

export const Selection = z.object({
  text: z.string().min(1).max(50_000),
  /** The nearest heading or record name around the selection, for context. */
  context: z.string().max(500).optional(),
});
export type Selection = z.infer<typeof Selection>;

export const PageContext = z.object({
  url: z.url().max(4_096),
  title: z.string().max(1_000),
  /** The extractor that produced this context: salesforce-lightning, zendesk, gmail, generic… */
  site: z.string().max(100),
  kind: PageKind,
  /** The page as Markdown, the form the model reads. */
  markdown: z.string().max(400_000),
  selection: Selection.optional(),
  record: RecordSummary.optional(),
  conversation: Conversation.optional(),
  capturedAt: z.iso.datetime(),
  /** True when capture had to leave something out to stay within its budget. */
  truncated: z.boolean().optional(),
});
export type PageContext = z.infer<typeof PageContext>;
