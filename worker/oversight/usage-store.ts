/** One usage event as stored (migrations/0002_oversight.sql describes each column). */
export interface UsageEventRow {
  id: string;
  at: string;
  person: string;
  groups: readonly string[];
  assistant: string | null;
  action: string;
  model: string | null;
  messageId: string | null;
  conversationId: string | null;
  tokensIn: number;
  tokensOut: number;
  ttftMs: number | null;
  totalMs: number;
  retrievalHits: number;
  bestScore: number | null;
  citations: number;
  errorCode: string | null;
  status: number;
  pageSite: string | null;
  question: string | null;
  answer: string | null;
}

/** The UTC day of an ISO instant, as stored in every `day` column. */
export const dayOf = (at: string) => at.slice(0, 10);

/** Writes the event and its per-group rows in one transaction (D1 batch). */
export async function insertUsageEvent(db: D1Database, event: UsageEventRow): Promise<void> {
  const day = dayOf(event.at);
  const groups = JSON.stringify(event.groups);
  await db.batch([
    db
      .prepare(
        `INSERT INTO usage_events (id, at, day, person, groups, assistant, action, model, message_id, conversation_id,
           tokens_in, tokens_out, ttft_ms, total_ms, retrieval_hits, best_score, citations, error_code, status, page_site,
           question, answer)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        event.id,
        event.at,
        day,
        event.person,
        groups,
        event.assistant,
        event.action,
        event.model,
        event.messageId,
        event.conversationId,
        event.tokensIn,
        event.tokensOut,
        event.ttftMs,
        event.totalMs,
        event.retrievalHits,
        event.bestScore,
        event.citations,
        event.errorCode,
        event.status,
        event.pageSite,
        event.question,
        event.answer,
      ),
    db
      .prepare(
        `INSERT OR IGNORE INTO usage_event_groups (event_id, group_name, day, person)
         SELECT ?, value, ?, ? FROM json_each(?)`,
      )
      .bind(event.id, day, event.person, groups),
  ]);
}

/** Tokens (in + out) a person used on `day`; answered from the usage_by_person index alone. */
export async function tokensUsedOn(db: D1Database, person: string, day: string): Promise<number> {
  const row = await db
    .prepare('SELECT COALESCE(SUM(tokens_in + tokens_out), 0) AS used FROM usage_events WHERE person = ? AND day = ?')
    .bind(person, day)
    .first<{ used: number }>();
  return row?.used ?? 0;
}

/** What a usage event knows about the answer a message id names (for feedback). */
export async function usageOfMessage(
  db: D1Database,
  messageId: string,
  person: string,
): Promise<{ assistant: string | null; action: string; model: string | null; conversationId: string | null } | null> {
  return db
    .prepare(
      `SELECT assistant, action, model, conversation_id AS conversationId FROM usage_events
       WHERE message_id = ? AND person = ? ORDER BY at DESC LIMIT 1`,
    )
    .bind(messageId, person)
    .first();
}
