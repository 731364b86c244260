import { type FeedbackItem, type FeedbackList, type FeedbackListQuery, FeedbackSourceView } from '../../shared/admin';
import { rows } from './rows';

interface Row {
  id: string;
  at: string;
  person: string;
  kind: string;
  assistant: string | null;
  action: string | null;
  model: string | null;
  rating: 'up' | 'down';
  reason: string | null;
  comment: string | null;
  excerpt: string | null;
  sources: string;
  question: string | null;
  answer: string | null;
  citations: number | null;
}

/** Cursor of a page: the last item's time and id, newest first. */
function parseCursor(before: string | undefined): [string, string] | undefined {
  if (!before) return undefined;
  const split = before.indexOf('|');
  return split > 0 ? [before.slice(0, split), before.slice(split + 1)] : undefined;
}

/** Stored sources are JSON the panel sent: keep only well-formed entries, never fail the list over one. */
function sourcesOf(text: string): FeedbackItem['sources'] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((source) => {
      const result = FeedbackSourceView.safeParse(source);
      return result.success ? [result.data] : [];
    });
  } catch {
    return [];
  }
}

/** The Feedback page: ratings newest first, with the answer (and question) they rate and its sources. */
export async function feedbackList(db: D1Database, query: FeedbackListQuery): Promise<FeedbackList> {
  const cursor = parseCursor(query.before);
  const result = await db
    .prepare(
      `SELECT f.id, f.at, f.person, f.kind, f.assistant, f.action, f.model, f.rating, f.reason, f.comment,
              f.answer_excerpt AS excerpt, f.sources, u.question, u.answer, u.citations
       FROM feedback f LEFT JOIN usage_events u ON u.message_id = f.message_id
       WHERE (?1 IS NULL OR f.rating = ?1) AND (?2 IS NULL OR f.reason = ?2) AND (?3 IS NULL OR f.assistant = ?3)
         AND (?4 IS NULL OR f.day >= ?4) AND (?5 IS NULL OR f.day <= ?5)
         AND (?6 IS NULL OR (f.at, f.id) < (?6, ?7))
       ORDER BY f.at DESC, f.id DESC LIMIT ?8`,
    )
    .bind(
      query.rating ?? null,
      query.reason ?? null,
      query.assistant ?? null,
      query.from ?? null,
      query.to ?? null,
      cursor?.[0] ?? null,
      cursor?.[1] ?? null,
      query.limit + 1,
    )
    .all();
  const found = rows<Row>(result);
  const page = found.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      at: row.at,
      person: row.person,
      kind: row.kind,
      assistant: row.assistant,
      action: row.action,
      model: row.model,
      rating: row.rating,
      reason: row.reason,
      comment: row.comment,
      question: row.question,
      answer: row.answer ?? row.excerpt,
      citations: row.citations,
      sources: sourcesOf(row.sources),
    })),
    next: found.length > query.limit && last ? `${last.at}|${last.id}` : null,
  };
}
