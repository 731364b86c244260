import type { FeedbackKind, FeedbackRating, FeedbackReason, FeedbackSource } from '../../shared/oversight';
import { dayOf } from './usage-store';

export interface FeedbackRow {
  at: string;
  person: string;
  groups: readonly string[];
  messageId: string;
  conversationId: string | null;
  kind: FeedbackKind;
  assistant: string | null;
  action: string | null;
  model: string | null;
  rating: FeedbackRating;
  reason: FeedbackReason | null;
  comment: string | null;
  answerExcerpt: string | null;
  sources: readonly Omit<FeedbackSource, 'kind'>[];
}

/** Stores a rating; the same person rating the same message again replaces it (one row per person and message). */
export async function upsertFeedback(db: D1Database, row: FeedbackRow): Promise<string> {
  const stored = await db
    .prepare(
      `INSERT INTO feedback (id, at, day, person, groups, message_id, conversation_id, kind, assistant, action, model,
         rating, reason, comment, answer_excerpt, sources)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (person, message_id) DO UPDATE SET
         at = excluded.at, day = excluded.day, groups = excluded.groups, conversation_id = excluded.conversation_id,
         kind = excluded.kind, assistant = excluded.assistant, action = excluded.action, model = excluded.model,
         rating = excluded.rating, reason = excluded.reason, comment = excluded.comment,
         answer_excerpt = excluded.answer_excerpt, sources = excluded.sources
       RETURNING id`,
    )
    .bind(
      crypto.randomUUID(),
      row.at,
      dayOf(row.at),
      row.person,
      JSON.stringify(row.groups),
      row.messageId,
      row.conversationId,
      row.kind,
      row.assistant,
      row.action,
      row.model,
      row.rating,
      row.reason,
      row.comment,
      row.answerExcerpt,
      JSON.stringify(row.sources),
    )
    .first<{ id: string }>();
  if (!stored) throw new Error('feedback was not stored');
  return stored.id;
}
