import { GAP_MIN_SCORE, type KnowledgeReport, type ReportWindow } from '../../shared/admin';
import type { Embedder } from '../knowledge/embed';
import { clusterGaps, type GapQuestion } from './gap-clusters';
import { rows } from './rows';

/** Distinct unanswered questions clustered per report: the most asked ones. */
const MAX_GAP_QUESTIONS = 400;
/** A pending vector write older than this belongs to an ingest that failed or was interrupted. */
const FAILED_INGEST_AFTER_MS = 10 * 60_000;

/**
 * The Knowledge page: documents per space, failed ingests, and the gap report — questions whose retrieval
 * found nothing above GAP_MIN_SCORE, or that got a thumbs-down as not grounded or outdated (needs questions,
 * so PAYLOAD_LOGGING=full).
 */
export async function knowledgeReport(
  db: D1Database,
  window: ReportWindow,
  embedder: Embedder | undefined,
  now = new Date(),
): Promise<KnowledgeReport> {
  const [spaces, failed, unanswered, disliked] = await db.batch([
    db.prepare(
      `SELECT space, count(*) AS documents, sum(chunk_count) AS chunks, max(ingested_at) AS lastIngestedAt
       FROM documents GROUP BY space ORDER BY space`,
    ),
    db
      .prepare(`SELECT count(*) AS count FROM vector_garbage WHERE reason = 'pending' AND created_at < ?1`)
      .bind(new Date(now.getTime() - FAILED_INGEST_AFTER_MS).toISOString()),
    // The WHERE repeats the partial index's condition word for word (migrations/0003_console.sql).
    db
      .prepare(
        `SELECT question, sum(retrieval_hits = 0) AS noResults, sum(retrieval_hits > 0) AS lowScore
         FROM usage_events
         WHERE day BETWEEN ?1 AND ?2 AND question IS NOT NULL AND (retrieval_hits = 0 OR best_score < 0.02)
         GROUP BY question ORDER BY count(*) DESC LIMIT ?3`,
      )
      .bind(window.from, window.to, MAX_GAP_QUESTIONS),
    db
      .prepare(
        `SELECT u.question AS question, sum(f.reason = 'not_grounded') AS notGrounded, sum(f.reason = 'outdated') AS outdated
         FROM feedback f JOIN usage_events u ON u.message_id = f.message_id
         WHERE f.reason IN ('not_grounded', 'outdated') AND f.day BETWEEN ?1 AND ?2 AND f.rating = 'down'
           AND u.question IS NOT NULL
         GROUP BY u.question ORDER BY count(*) DESC LIMIT ?3`,
      )
      .bind(window.from, window.to, MAX_GAP_QUESTIONS),
  ]);

  const questions = new Map<string, GapQuestion>();
  const entry = (question: string) => {
    const key = question.trim();
    let found = questions.get(key);
    if (!found) {
      found = { question: key, noResults: 0, lowScore: 0, notGrounded: 0, outdated: 0 };
      questions.set(key, found);
    }
    return found;
  };
  for (const row of rows<{ question: string; noResults: number; lowScore: number }>(unanswered)) {
    const found = entry(row.question);
    found.noResults += row.noResults;
    found.lowScore += row.lowScore;
  }
  for (const row of rows<{ question: string; notGrounded: number; outdated: number }>(disliked)) {
    const found = entry(row.question);
    found.notGrounded += row.notGrounded;
    found.outdated += row.outdated;
  }
  const list = [...questions.values()];
  let vectors: number[][] | undefined;
  if (embedder && list.length > 0) {
    // Embeddings group paraphrases that share no words; if the model fails, shared words still work.
    vectors = await embedder.embed(list.map((question) => question.question)).catch(() => undefined);
  }
  const questionsLogged = list.length > 0 || (await anyQuestionLogged(db, window));
  return {
    window,
    spaces: rows<KnowledgeReport['spaces'][number]>(spaces),
    failedIngests: rows<{ count: number }>(failed)[0]?.count ?? 0,
    gaps: {
      method: vectors ? 'embeddings' : 'word-overlap',
      minScore: GAP_MIN_SCORE,
      questionsLogged,
      clusters: clusterGaps(list, vectors),
    },
  };
}

async function anyQuestionLogged(db: D1Database, window: ReportWindow): Promise<boolean> {
  const row = await db
    .prepare('SELECT 1 AS found FROM usage_daily_questions WHERE day BETWEEN ?1 AND ?2 LIMIT 1')
    .bind(window.from, window.to)
    .first<{ found: number }>();
  return row !== null;
}
