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
  const [spaces, failed, gaps] = await db.batch([
    db.prepare(
      `SELECT space, count(*) AS documents, sum(chunk_count) AS chunks, max(ingested_at) AS lastIngestedAt
       FROM documents GROUP BY space ORDER BY space`,
    ),
    db
      .prepare(`SELECT count(*) AS count FROM vector_garbage WHERE reason = 'pending' AND created_at < ?1`)
      .bind(new Date(now.getTime() - FAILED_INGEST_AFTER_MS).toISOString()),
    db
      .prepare(
        `SELECT question, sum(no_results) AS noResults, sum(low_score) AS lowScore, sum(not_grounded) AS notGrounded,
                sum(outdated) AS outdated
         FROM usage_daily_gaps WHERE day BETWEEN ?1 AND ?2
         GROUP BY question ORDER BY sum(no_results + low_score + not_grounded + outdated) DESC, question LIMIT ?3`,
      )
      .bind(window.from, window.to, MAX_GAP_QUESTIONS),
  ]);

  const list = rows<GapQuestion>(gaps);
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
