import { z } from 'zod';

/**
 * The admin read APIs under `/v1/admin/` and the console at `/admin/` that draws them. Both parse with these
 * schemas, so a number the console shows is exactly the number the API returned.
 */

const isoDay = z.iso.date();

/** A reporting window: `days` days ending on `to` (inclusive, UTC; default today). */
export const AdminWindowQuery = z.object({
  to: isoDay.optional(),
  days: z.coerce.number().int().min(1).max(366).default(28),
  /** Only people who belonged to this identity-provider group when they asked. */
  group: z.string().trim().min(1).max(200).optional(),
});
export type AdminWindowQuery = z.infer<typeof AdminWindowQuery>;

export const ReportWindow = z.object({ from: isoDay, to: isoDay, days: z.number().int() });
export type ReportWindow = z.infer<typeof ReportWindow>;

/** Who is looking at the console: `GET /v1/admin/session` (403 for everyone but administrators). */
export const AdminSession = z.object({
  subject: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
  /** The server's today (UTC): the console's default end of every window. */
  today: isoDay,
});
export type AdminSession = z.infer<typeof AdminSession>;

export const DayCount = z.object({ day: isoDay, value: z.number() });

export const OverviewDay = z.object({
  day: isoDay,
  activePeople: z.number().int(),
  questions: z.number().int(),
  answersWithCitations: z.number().int(),
  errors: z.number().int(),
  ttftP50Ms: z.number().nullable(),
  ttftP95Ms: z.number().nullable(),
});
export type OverviewDay = z.infer<typeof OverviewDay>;

export const GroupRow = z.object({
  group: z.string(),
  weeklyActive: z.number().int(),
  seen30Days: z.number().int(),
  /** weeklyActive / seen30Days, 0–1 (null when nobody was seen). */
  weeklyActiveShare: z.number().nullable(),
  requests: z.number().int(),
  questions: z.number().int(),
  errors: z.number().int(),
  thumbsUp: z.number().int(),
  thumbsDown: z.number().int(),
});
export type GroupRow = z.infer<typeof GroupRow>;

/** `GET /v1/admin/overview?to=&days=&group=`. */
export const Overview = z.object({
  window: ReportWindow,
  /** Distinct people active in the 7 days ending `to`. */
  weeklyActive: z.number().int(),
  /** Distinct people active on `to`. */
  dailyActive: z.number().int(),
  /** Distinct people seen in the 30 days ending `to`. */
  seen30Days: z.number().int(),
  /** weeklyActive / seen30Days: the share of people seen in 30 days who were active this week (null: nobody). */
  weeklyActiveShare: z.number().nullable(),
  totals: z.object({
    requests: z.number().int(),
    questions: z.number().int(),
    answersWithCitations: z.number().int(),
    errors: z.number().int(),
    thumbsUp: z.number().int(),
    thumbsDown: z.number().int(),
    /** thumbsUp / (thumbsUp + thumbsDown), null without ratings. */
    thumbsUpRate: z.number().nullable(),
    /** Time to first token over the window, from 10-ms buckets (the bucket's upper edge). */
    ttftP50Ms: z.number().nullable(),
    ttftP95Ms: z.number().nullable(),
  }),
  days: z.array(OverviewDay),
  errorsByCode: z.array(z.object({ code: z.string(), count: z.number().int() })),
  groups: z.array(GroupRow),
});
export type Overview = z.infer<typeof Overview>;

export const AssistantRow = z.object({
  assistant: z.string(),
  requests: z.number().int(),
  people: z.number().int(),
  errors: z.number().int(),
  tokensIn: z.number().int(),
  tokensOut: z.number().int(),
  /** US dollars from the price table; null when a model it used has no price. */
  costUsd: z.number().nullable(),
  thumbsUp: z.number().int(),
  thumbsDown: z.number().int(),
  thumbsUpRate: z.number().nullable(),
  models: z.array(
    z.object({
      model: z.string(),
      requests: z.number().int(),
      tokensIn: z.number().int(),
      tokensOut: z.number().int(),
      costUsd: z.number().nullable(),
    }),
  ),
  /** PAYLOAD_LOGGING=full only (empty otherwise): the most asked questions, as stored (redacted under REDACT=pii). */
  topQuestions: z.array(z.object({ question: z.string(), count: z.number().int() })),
});
export type AssistantRow = z.infer<typeof AssistantRow>;

export const ModelPrice = z.object({
  model: z.string(),
  /** US dollars per million tokens. */
  inputPerMillion: z.number(),
  outputPerMillion: z.number(),
});
export type ModelPrice = z.infer<typeof ModelPrice>;

/** `GET /v1/admin/assistants?to=&days=`. */
export const AssistantsReport = z.object({
  window: ReportWindow,
  assistants: z.array(AssistantRow),
  prices: z.array(ModelPrice),
  /** Whether questions are stored at all (top questions need PAYLOAD_LOGGING=full). */
  questionsLogged: z.boolean(),
});
export type AssistantsReport = z.infer<typeof AssistantsReport>;

/** Retrieval whose best passage scored below this (fused reciprocal-rank score) counts as "found nothing". */
export const GAP_MIN_SCORE = 0.02;

export const GapCluster = z.object({
  /** The most asked wording in the group. */
  label: z.string(),
  /** Questions in the window that belong to the group (repeats counted). */
  count: z.number().int(),
  noResults: z.number().int(),
  lowScore: z.number().int(),
  notGrounded: z.number().int(),
  outdated: z.number().int(),
  examples: z.array(z.string()),
  /** Words the group shares: the subject a new document should cover. */
  keywords: z.array(z.string()),
  /** What to write: "Create a document that answers …". */
  hint: z.string(),
});
export type GapCluster = z.infer<typeof GapCluster>;

/** `GET /v1/admin/knowledge?to=&days=`. */
export const KnowledgeReport = z.object({
  window: ReportWindow,
  spaces: z.array(
    z.object({
      space: z.string(),
      documents: z.number().int(),
      chunks: z.number().int(),
      lastIngestedAt: z.string().nullable(),
    }),
  ),
  /** Ingests that wrote vectors but never committed their chunks (a failed or interrupted ingest). */
  failedIngests: z.number().int(),
  gaps: z.object({
    /** How questions were grouped: by shared words, or by embedding similarity when a model is configured. */
    method: z.enum(['word-overlap', 'embeddings']),
    minScore: z.number(),
    questionsLogged: z.boolean(),
    clusters: z.array(GapCluster),
  }),
});
export type KnowledgeReport = z.infer<typeof KnowledgeReport>;

export const FeedbackListQuery = z.object({
  rating: z.enum(['up', 'down']).optional(),
  reason: z.enum(['wrong', 'outdated', 'not_grounded', 'unsafe', 'other']).optional(),
  assistant: z.string().trim().min(1).max(200).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  /** The `next` of the previous page. */
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type FeedbackListQuery = z.infer<typeof FeedbackListQuery>;

export const FeedbackSourceView = z.object({
  kind: z.string().optional(),
  title: z.string(),
  url: z.string().optional(),
  space: z.string().optional(),
});

export const FeedbackItem = z.object({
  id: z.string(),
  at: z.string(),
  person: z.string(),
  kind: z.string(),
  assistant: z.string().nullable(),
  action: z.string().nullable(),
  model: z.string().nullable(),
  rating: z.enum(['up', 'down']),
  reason: z.string().nullable(),
  comment: z.string().nullable(),
  /** PAYLOAD_LOGGING=full only. */
  question: z.string().nullable(),
  answer: z.string().nullable(),
  citations: z.number().int().nullable(),
  sources: z.array(FeedbackSourceView),
});
export type FeedbackItem = z.infer<typeof FeedbackItem>;

/** `GET /v1/admin/feedback?rating=&reason=&assistant=&from=&to=&before=&limit=`: newest first. */
export const FeedbackList = z.object({
  items: z.array(FeedbackItem),
  next: z.string().nullable(),
});
export type FeedbackList = z.infer<typeof FeedbackList>;

/** `GET /v1/admin/usage.csv?from=&to=`: every usage event in the days, oldest first, as CSV. */
export const UsageExportQuery = z.object({
  from: isoDay,
  to: isoDay,
});
export type UsageExportQuery = z.infer<typeof UsageExportQuery>;

/** The CSV's columns, in order. */
export const usageExportColumns = [
  'at',
  'person',
  'groups',
  'assistant',
  'action',
  'model',
  'tokens_in',
  'tokens_out',
  'ttft_ms',
  'total_ms',
  'retrieval_hits',
  'best_score',
  'citations',
  'error_code',
  'status',
  'page_site',
  'question',
  'answer',
] as const;
