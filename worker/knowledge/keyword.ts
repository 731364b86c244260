import { ftsQuery } from './query-terms';
import { type ChunkHit, HIT_COLUMNS, IN_JSON_LIST } from './store';

export interface KeywordHit extends ChunkHit {
  /** BM25, sign flipped so that higher is better. */
  score: number;
}

/**
 * Column weights for bm25(): title, heading, text. A word in the title or heading says more about what a
 * chunk is about than the same word in its body. Chosen on kb-eval (bench/retrieval.ts): 1/1/1 gives
 * MRR@5 0.882, 3/2/1 0.890, 10/5/1 0.896 (0.918 with the NEAR pairs of query-terms.ts); higher flattens out.
 * Porter stemming (migrations/0001_knowledge.sql) beat plain unicode61 at every weighting (+0.02 MRR).
 */
export const BM25_WEIGHTS = [10, 5, 1] as const;

/** Chunks ranked before keeping the best per section: a long section must not use up the candidates. */
const POOL = 200;

/**
 * BM25 over the chunks in `spaces` only (the permission filter is inside the SQL, before any limit), best
 * chunk per document section, best first.
 *
 * `CROSS JOIN` fixes the join order (SQLite never reorders a CROSS JOIN): the full-text index drives, each
 * hit is looked up by primary key. Left to the planner, a SQLite that prefers `chunks_by_space` (node's
 * SQLite 3.51 on the same schema does) scans the space's chunks and re-runs the MATCH for each one: 18 s
 * instead of 18 ms at 10,000 chunks. D1 picks the good plan today; this keeps it from depending on that.
 */
export async function keywordSearch(
  db: D1Database,
  query: string,
  spaces: string[],
  limit: number,
): Promise<KeywordHit[]> {
  const match = ftsQuery(query);
  if (!match || spaces.length === 0) return [];
  const weights = BM25_WEIGHTS.join(', ');
  const { results } = await db
    .prepare(
      `WITH pool AS (
         SELECT c.seq AS seq, c.document_id AS document_id, c.section AS section, bm25(chunks_fts, ${weights}) AS rank
         FROM chunks_fts CROSS JOIN chunks c ON c.seq = chunks_fts.rowid
         WHERE chunks_fts MATCH ? AND c.space IN ${IN_JSON_LIST}
         ORDER BY rank LIMIT ${POOL}
       ),
       best AS (
         SELECT seq, rank, ROW_NUMBER() OVER (PARTITION BY document_id, section ORDER BY rank) AS nth FROM pool
       )
       SELECT ${HIT_COLUMNS}, -best.rank AS score
       FROM best JOIN chunks c ON c.seq = best.seq JOIN documents d ON d.id = c.document_id
       WHERE best.nth = 1
       ORDER BY best.rank
       LIMIT ?`,
    )
    .bind(match, JSON.stringify(spaces), limit)
    .all<KeywordHit>();
  return results;
}
