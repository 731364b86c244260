import type { RetrievalMode, SearchResult } from '../../shared/knowledge';
import { type VectorFilter, vectorLimits } from '../ports/vector-index';
import { dedupeSections, type FusedHit, reciprocalRankFusion } from './fuse';
import type { KnowledgeDeps } from './ingest';
import { type KeywordHit, keywordSearch } from './keyword';
import { ftsQuery } from './query-terms';
import { type ChunkHit, chunksByIds } from './store';

/** Candidates taken from each side before fusion: enough for recall, few enough to stay fast. */
export const CANDIDATES = 50;
/**
 * Fusion parameters, chosen on kb-eval with the test upstream's hashed bag-of-words embeddings
 * (bench/retrieval.ts; a sweep of k ∈ {1,5,10,20,60} × vector weight ∈ {0…1}): the classic k = 60 with equal
 * weights scored MRR@5 0.852 / recall@5 0.798, below keyword alone (0.918 / 0.842), because those vectors are
 * a weaker copy of the keyword signal; k = 10 with vector weight 0.35 scored 0.922 / 0.845. With a real
 * embedding model the vector side is stronger: re-run the benchmark against it before trusting these.
 */
export const FUSION = { k: 10, keywordWeight: 1, vectorWeight: 0.35 } as const;

export interface RetrieveOptions {
  query: string;
  /** The caller's readable spaces (already narrowed): the filter inside both queries and on the results. */
  spaces: string[];
  k: number;
  mode?: RetrievalMode;
}

export interface Retrieved {
  results: SearchResult[];
  mode: RetrievalMode;
  notice?: string;
  /** Set when a part of retrieval failed (embedding model, vector index) and fewer sides answered than asked. */
  degraded?: boolean;
  /** `totalMs` includes the query embedding, which overlaps the keyword search. */
  timings: { embedMs: number; totalMs: number };
}

export const KEYWORD_ONLY_NOTICE = 'Keyword search only: no embedding model is configured on this server.';
export const EMBEDDING_FAILED_NOTICE = 'Keyword search only: the embedding model did not answer.';
export const VECTOR_INDEX_FAILED_NOTICE = 'Keyword search only: the vector index did not answer.';
export const KEYWORD_INDEX_FAILED_NOTICE = 'Vector search only: the keyword index did not answer.';

/**
 * The vector index failed and the keyword side had nothing it could search (no usable words in the query):
 * there is no honest answer to give, only "try again". Routes answer 503 vector_index_error.
 */
export class RetrievalUnavailableError extends Error {
  override readonly name = 'RetrievalUnavailableError';
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

/**
 * The vector query's space filter, inside the index when it fits (Vectorize takes < 2 KiB of filter JSON,
 * about 90 space names). A person who reads more spaces gets an unfiltered query for the most candidates
 * the index returns; chunksByIds then keeps only their spaces (in SQL), so nothing outside them surfaces,
 * at the price of fewer vector candidates when other spaces hold many close matches.
 */
export function vectorQueryFor(spaces: string[], limit: number): { topK: number; filter?: VectorFilter } {
  const filter: VectorFilter = { space: { $in: spaces } };
  if (byteLength(JSON.stringify(filter)) < vectorLimits.maxFilterBytes) return { topK: limit, filter };
  return { topK: vectorLimits.maxTopK };
}

async function vectorSearch(
  deps: KnowledgeDeps,
  vector: number[],
  spaces: string[],
  limit: number,
): Promise<(ChunkHit & { score: number })[]> {
  const { matches } = await deps.index.query(vector, vectorQueryFor(spaces, limit));
  // Text comes from D1, in the caller's spaces: a vector whose chunk was replaced or deleted (Vectorize
  // applies writes seconds later) or whose metadata is wrong can never surface.
  const hits = new Map(
    (
      await chunksByIds(
        deps.db,
        matches.map((match) => match.id),
        spaces,
      )
    ).map((hit) => [hit.id, hit]),
  );
  return matches.flatMap((match) => {
    const hit = hits.get(match.id);
    return hit ? [{ ...hit, score: match.score }] : [];
  });
}

function toResult({ hit, score }: FusedHit): SearchResult {
  return {
    documentId: hit.documentId,
    chunkId: hit.id,
    title: hit.title,
    url: hit.url,
    space: hit.space,
    heading: hit.heading,
    text: hit.text,
    score,
  };
}

/**
 * Query vectors recently computed in this isolate, most recent last: the same question is often searched
 * again within seconds (a quick action re-run, the model's search_knowledge call repeating the first turn's
 * question, a person retrying), and its embedding is a network round trip on the answer's critical path.
 * Keyed by the embedder's id (model and dimensions) and the exact query text; small, so it costs < 1 MB.
 */
const queryVectors = new Map<string, number[]>();
export const QUERY_VECTOR_CACHE_SIZE = 64;

/** For tests: forget the cached query vectors. */
export function clearQueryVectorCache(): void {
  queryVectors.clear();
}

/** The query's vector, or why there is none (then the search is keyword-only). */
async function embedQuery(
  deps: KnowledgeDeps,
  query: string,
): Promise<{ vector: number[] | undefined; notice?: string; embedMs: number }> {
  if (!deps.embedder) return { vector: undefined, notice: KEYWORD_ONLY_NOTICE, embedMs: 0 };
  const key = `${deps.embedder.id}\u0000${query}`;
  const cached = queryVectors.get(key);
  if (cached) {
    queryVectors.delete(key);
    queryVectors.set(key, cached);
    return { vector: cached, embedMs: 0 };
  }
  const started = Date.now();
  try {
    const [vector] = await deps.embedder.embed([query]);
    if (vector) {
      queryVectors.set(key, vector);
      if (queryVectors.size > QUERY_VECTOR_CACHE_SIZE) queryVectors.delete(queryVectors.keys().next().value as string);
    }
    return { vector, embedMs: Date.now() - started };
  } catch (error) {
    console.warn(JSON.stringify({ event: 'query_embedding_failed', error: String(error) }));
    return { vector: undefined, notice: EMBEDDING_FAILED_NOTICE, embedMs: Date.now() - started };
  }
}

interface VectorSide {
  hits: (ChunkHit & { score: number })[];
  /** Undefined when the vector side could not answer: no embedder, or the model or the index failed. */
  vector: number[] | undefined;
  notice?: string;
  /** Which part failed, when one did. */
  failed?: 'embedding' | 'index';
  embedMs: number;
}

/**
 * The vector side: embed the query, then search the index; no vector (and why) when there is no embedder.
 * Never throws for a failing index (a binding error, a dimension mismatch after a model change): the
 * keyword side still answers, and the failure is logged once and reported as a notice.
 */
async function vectorSide(deps: KnowledgeDeps, query: string, spaces: string[]): Promise<VectorSide> {
  const embedded = await embedQuery(deps, query);
  if (!embedded.vector) {
    return { ...embedded, hits: [], ...(embedded.notice === EMBEDDING_FAILED_NOTICE ? { failed: 'embedding' } : {}) };
  }
  try {
    return { ...embedded, hits: await vectorSearch(deps, embedded.vector, spaces, CANDIDATES) };
  } catch (error) {
    console.warn(
      JSON.stringify({
        event: 'vector_index_query_failed',
        index: deps.index.kind,
        error: String(error).slice(0, 500),
      }),
    );
    return {
      hits: [],
      vector: undefined,
      notice: VECTOR_INDEX_FAILED_NOTICE,
      failed: 'index',
      embedMs: embedded.embedMs,
    };
  }
}

/** The keyword side; a failing FTS query (a D1 error) is logged once and reported, not thrown. */
async function searchKeywords(
  deps: KnowledgeDeps,
  query: string,
  spaces: string[],
): Promise<{ hits: KeywordHit[]; failed?: true }> {
  try {
    return { hits: await keywordSearch(deps.db, query, spaces, CANDIDATES) };
  } catch (error) {
    console.warn(JSON.stringify({ event: 'keyword_search_failed', error: String(error).slice(0, 500) }));
    return { hits: [], failed: true };
  }
}

/**
 * Hybrid retrieval: keyword (BM25) and vector candidates, fused per document section, filtered by space.
 * The two sides run concurrently (Promise.all): the keyword query is in D1 while the query is embedded (a
 * network call to the model server) and the vectors are searched, so the answer waits for the slower side,
 * not for both one after the other.
 */
export async function retrieve(deps: KnowledgeDeps, options: RetrieveOptions): Promise<Retrieved> {
  const started = Date.now();
  const spaces = [...options.spaces];
  const requested = options.mode ?? 'hybrid';
  if (spaces.length === 0) return { results: [], mode: requested, timings: { embedMs: 0, totalMs: 0 } };

  const keywordSide = () => searchKeywords(deps, options.query, spaces);
  const [keywordFirst, embedded] = await Promise.all([
    requested === 'vector' ? Promise.resolve(undefined) : keywordSide(),
    requested === 'keyword'
      ? Promise.resolve<VectorSide>({ hits: [], vector: undefined, embedMs: 0 })
      : vectorSide(deps, options.query, spaces),
  ]);
  // Without a query vector, a vector-only request degrades to keyword search rather than to nothing.
  let mode: RetrievalMode = requested !== 'keyword' && !embedded.vector ? 'keyword' : requested;
  const keyword = keywordFirst ?? (mode === 'keyword' ? await keywordSide() : { hits: [] });
  let notice = embedded.notice;
  if (keyword.failed) {
    // The keyword index failed: the vector results alone, when there are any to give.
    if (!embedded.vector) {
      throw new RetrievalUnavailableError(
        `The keyword index failed${embedded.notice ? ` and ${embedded.notice.replace(/^Keyword search only: /, '').replace(/\.$/, '')}` : ''}: nothing could be searched.`,
      );
    }
    mode = 'vector';
    notice = KEYWORD_INDEX_FAILED_NOTICE;
  } else if (embedded.failed === 'index' && ftsQuery(options.query) === undefined) {
    throw new RetrievalUnavailableError(
      'The vector index did not answer, and the query has no words keyword search can use: nothing could be searched.',
    );
  }
  const keywordHits = keyword.hits;
  const vectorHits = embedded.hits;

  let fused: FusedHit[];
  if (mode === 'hybrid') {
    fused = reciprocalRankFusion(
      [
        { hits: keywordHits, weight: FUSION.keywordWeight },
        { hits: vectorHits, weight: FUSION.vectorWeight },
      ],
      FUSION.k,
    );
  } else {
    const hits = mode === 'keyword' ? keywordHits : vectorHits;
    fused = dedupeSections(hits).map((hit) => ({ hit, score: hit.score }));
  }

  // Re-checked on the way out, whatever the queries did: nothing outside the caller's spaces leaves here.
  const allowed = new Set(spaces);
  const results = fused
    .filter(({ hit }) => allowed.has(hit.space))
    .slice(0, options.k)
    .map(toResult);
  return {
    results,
    mode,
    ...(notice ? { notice } : {}),
    ...(embedded.failed || keyword.failed ? { degraded: true } : {}),
    timings: { embedMs: embedded.embedMs, totalMs: Date.now() - started },
  };
}
