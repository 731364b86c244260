import type { RetrievalMode } from '../../shared/knowledge';
import { FUSION } from './retrieve';

/**
 * How well retrieval covered a question (0–1), from the passages one search found, for the hand-off decision.
 * Hybrid scores are fused ranks (fuse.ts), so the top score is measured against the best fusion can give — a
 * passage both searches ranked first — and a passage only the vector side liked counts little. A one-sided search
 * (keyword only without an embedding model, vector only when the keyword index failed) has raw scores on its own
 * scale, so its top passage counts as that side's share of a first rank: the same value hybrid gives a passage
 * only that side found. Nothing found: 0.
 */
export function retrievalCoverage(results: readonly { score: number }[], mode: RetrievalMode): number {
  if (results.length === 0) return 0;
  const both = FUSION.keywordWeight + FUSION.vectorWeight;
  if (mode === 'keyword') return FUSION.keywordWeight / both;
  if (mode === 'vector') return FUSION.vectorWeight / both;
  const best = both / (FUSION.k + 1);
  const top = Math.max(...results.map((result) => result.score));
  return Math.max(0, Math.min(1, top / best));
}

/** The best coverage among the searches of one answer (the up-front one and the model's own searches). */
export class RetrievalCoverage {
  private best = 0;

  note(coverage: number): void {
    if (Number.isFinite(coverage) && coverage > this.best) this.best = Math.min(1, coverage);
  }

  get value(): number {
    return this.best;
  }
}
