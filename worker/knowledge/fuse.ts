import type { ChunkHit } from './store';

export interface RankedList {
  hits: ChunkHit[];
  weight: number;
}

export interface FusedHit {
  hit: ChunkHit;
  score: number;
}

/** Chunks of one document section are one answer to a question: long sections must not fill the list. */
export const sectionKey = (hit: Pick<ChunkHit, 'documentId' | 'section'>) => `${hit.documentId}\u0000${hit.section}`;

/** Keeps the best-ranked chunk of each section, in order. */
export function dedupeSections<T extends ChunkHit>(hits: T[]): T[] {
  const seen = new Set<string>();
  return hits.filter((hit) => {
    const key = sectionKey(hit);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Weighted reciprocal rank fusion over sections: score = Σ weight / (k + rank). Ranks, not raw scores, are
 * fused because BM25 and cosine live on unrelated scales; `k` damps the difference between the first few
 * ranks. A section's chunk is the one from the list that ranked it best. k and the weights were chosen on
 * kb-eval (bench/retrieval.ts).
 */
export function reciprocalRankFusion(lists: RankedList[], k = 60): FusedHit[] {
  const fused = new Map<string, { hit: ChunkHit; score: number; bestRank: number }>();
  for (const { hits, weight } of lists) {
    dedupeSections(hits).forEach((hit, index) => {
      const rank = index + 1;
      const key = sectionKey(hit);
      const entry = fused.get(key);
      if (!entry) {
        fused.set(key, { hit, score: weight / (k + rank), bestRank: rank });
        return;
      }
      entry.score += weight / (k + rank);
      if (rank < entry.bestRank) {
        entry.hit = hit;
        entry.bestRank = rank;
      }
    });
  }
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.bestRank - b.bestRank)
    .map(({ hit, score }) => ({ hit, score }));
}
