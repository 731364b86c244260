import type { HandoffInput, HandoffOutput } from './handoff';

/** `HANDOFF_THRESHOLD`: below this confidence (0–1) the question is handed on. */
export const DEFAULT_HANDOFF_THRESHOLD = 0.5;

export function readHandoffThreshold(value: string | undefined): { threshold: number; problem?: string } {
  if (value === undefined || value.trim() === '') return { threshold: DEFAULT_HANDOFF_THRESHOLD };
  const threshold = Number(value);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    return { threshold: DEFAULT_HANDOFF_THRESHOLD, problem: 'HANDOFF_THRESHOLD must be a number from 0 to 1.' };
  }
  return { threshold };
}

/**
 * How well retrieval covered the question, from the passages found for it (0–1): none → 0; otherwise the share
 * of the top passage's fused score in the best score fusion can give (rank 1 in every index), so a passage both
 * keyword and vector search put first counts fully and a lone weak match counts little.
 */
export function retrievalConfidence(scores: readonly number[], bestPossibleScore: number): number {
  if (scores.length === 0 || bestPossibleScore <= 0) return 0;
  return Math.max(0, Math.min(1, Math.max(...scores) / bestPossibleScore));
}

export interface HandoffPolicy {
  threshold: number;
  /** The assistant answering, and the one that takes over (undefined: nobody). */
  from: string;
  to: string | undefined;
  retrieval: number;
}

/**
 * Decides a hand-off: the lower of the model's own confidence and the retrieval's, against the threshold; never
 * to the assistant itself; at most once per question (the decider remembers the first hand-off it granted).
 */
export function handoffDecider(policy: HandoffPolicy): (input: HandoffInput) => Promise<HandoffOutput> {
  let handedOff = false;
  return async (input) => {
    const confidence = Math.min(input.confidence, policy.retrieval);
    const target = policy.to && policy.to !== policy.from ? policy.to : undefined;
    if (confidence >= policy.threshold || !target) {
      return {
        handedOff: false,
        confidence,
        message: target
          ? 'Confident enough: answer the person yourself.'
          : 'No colleague to hand this to: answer as best you can.',
      };
    }
    if (handedOff) return { handedOff: false, confidence, message: 'Already handed on once for this question.' };
    handedOff = true;
    return { handedOff: true, to: target, confidence, message: `Handed to ${target}: ${input.note}` };
  };
}
