import { z } from 'zod';

/**
 * Oversight vocabulary shared by the worker (which writes usage, feedback and audit rows), the panel (which
 * sends feedback) and the admin console (which reads them). The tables are in migrations/0002_oversight.sql.
 */

/** Why an answer or draft got a thumbs-down. Stored as is in `feedback.reason`. */
export const feedbackReasons = ['wrong', 'outdated', 'not_grounded', 'unsafe', 'other'] as const;
export const FeedbackReason = z.enum(feedbackReasons);
export type FeedbackReason = z.infer<typeof FeedbackReason>;

export const feedbackRatings = ['up', 'down'] as const;
export const FeedbackRating = z.enum(feedbackRatings);
export type FeedbackRating = z.infer<typeof FeedbackRating>;

/** What was rated: a chat answer, or a draft from a quick action (follow-up email, ticket reply…). */
export const feedbackKinds = ['answer', 'draft'] as const;
export const FeedbackKind = z.enum(feedbackKinds);
export type FeedbackKind = z.infer<typeof FeedbackKind>;

export const feedbackLimits = {
  maxCommentChars: 2_000,
  maxExcerptChars: 4_000,
  maxSources: 20,
} as const;

const shortId = z.string().trim().min(1).max(200);

/** A source the rated answer showed; only company-knowledge sources are kept under PAYLOAD_LOGGING=metadata. */
export const FeedbackSource = z.object({
  kind: z.enum(['page', 'knowledge']),
  title: z.string().max(500),
  url: z.string().max(2_000).optional(),
  space: z.string().max(100).optional(),
  documentId: z.string().max(500).optional(),
});
export type FeedbackSource = z.infer<typeof FeedbackSource>;

/** `POST /v1/feedback`. Rating a message again replaces the earlier rating. */
export const FeedbackRequest = z
  .object({
    messageId: shortId,
    conversationId: shortId.optional(),
    kind: FeedbackKind.default('answer'),
    rating: FeedbackRating,
    reason: FeedbackReason.optional(),
    comment: z.string().max(feedbackLimits.maxCommentChars).optional(),
    /** The quick action that produced a draft ('chat' for answers); the usage event's value wins when known. */
    action: z.string().trim().min(1).max(100).optional(),
    /** The start of the rated text; stored only under PAYLOAD_LOGGING=full. */
    excerpt: z.string().max(feedbackLimits.maxExcerptChars).optional(),
    sources: z.array(FeedbackSource).max(feedbackLimits.maxSources).optional(),
  })
  .strict()
  .refine((body) => body.rating === 'down' || body.reason === undefined, {
    message: 'A reason goes with a thumbs-down only.',
    path: ['reason'],
  });
export type FeedbackRequest = z.input<typeof FeedbackRequest>;

export const FeedbackResponse = z.object({
  id: z.string(),
  messageId: z.string(),
  rating: FeedbackRating,
  reason: FeedbackReason.nullable(),
});
export type FeedbackResponse = z.infer<typeof FeedbackResponse>;

/**
 * Audit actions, `<thing>.<verb>`. Stored as is in `audit_log.action`; a name is never renamed (filters and
 * exports depend on it).
 */
export const auditActions = [
  /** A document was added or replaced through POST /v1/documents (details: space, chunks, status). */
  'document.ingest',
  /** A document was deleted through DELETE /v1/documents/:id (details: space, chunks). */
  'document.delete',
  /** An administrator created, edited or deleted an assistant (details: version, changed fields). */
  'assistant.create',
  'assistant.update',
  'assistant.delete',
  /** A tool that writes ran (details: tool, approvedBy, outcome); the actor is who asked for it. */
  'tool.write',
  /** The first request of a worker instance: the effective non-secret settings (details: settings). */
  'settings.seen',
  /** An administrator signed in to the admin console. */
  'admin.sign_in',
  /** A person erased their own data (DELETE /v1/me/data; details: counts per kind). */
  'data.erase',
] as const;
export const AuditAction = z.enum(auditActions);
export type AuditAction = z.infer<typeof AuditAction>;

/** One audit row as `GET /v1/admin/audit` returns it. */
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: AuditAction,
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** `GET /v1/admin/audit?actor=&action=&from=&to=&before=&limit=`: newest first; `before` is the last page's `next`. */
export const AuditQuery = z.object({
  actor: z.string().trim().min(1).max(320).optional(),
  action: AuditAction.optional(),
  /** ISO 8601 instants or dates, inclusive `from`, exclusive `to`. */
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

/** PAYLOAD_LOGGING: `metadata` (default) stores no prompt, page or answer text; `full` stores them, redacted under REDACT=pii. */
export const payloadLoggingModes = ['metadata', 'full'] as const;
export type PayloadLogging = (typeof payloadLoggingModes)[number];

/** The `action` of a usage event for a chat request (quick actions use their own id). */
export const CHAT_ACTION = 'chat';
