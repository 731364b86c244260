import type { HandoffInput, HandoffOutput } from './handoff';

/** `HANDOFF_THRESHOLD`: below this confidence (0–1) the question is handed on. */
export const DEFAULT_HANDOFF_THRESHOLD = 0.5;

export function readHandoffThreshold(value: string | undefined): { threshold: number; problem?: string } {
  if (value === undefined || value.trim() === '') return { threshold: DEFAULT_HANDOFF_THRESHOLD };
  const threshold = Number(value);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    return {
      threshold: DEFAULT_HANDOFF_THRESHOLD,
      problem: `HANDOFF_THRESHOLD must be a number from 0 to 1 (e.g. 0.5), not "${value.slice(0, 40)}".`,
    };
  }
  return { threshold };
}

export interface HandoffPolicy {
  threshold: number;
  /** The assistant answering, and the one that takes over (undefined: nobody). */
  from: string;
  to: string | undefined;
  /** How well retrieval covered the question (0–1, knowledge/coverage.ts). */
  retrieval: number;
}

const KEEP = 'Confident enough: answer the person yourself.';
/** Below the threshold with nobody to hand to: the answer itself says that a person must look, and what to ask. */
const NEEDS_HUMAN =
  'Nobody else can take this question (a question is handed on at most once). Answer "Needs a human": say what you ' +
  'found, then list exactly what to ask the customer, or which team to involve, and why.';

/**
 * One decision: the lower of the model's own confidence and the retrieval's, against the threshold. Below it the
 * question goes to `to` — never to the assistant itself, and not when the question was already handed on once —
 * otherwise the answer says a person must look at it (`needsHuman`).
 */
export function decideHandoff(
  policy: HandoffPolicy & { alreadyHandedOff: boolean },
  input: HandoffInput,
): HandoffOutput {
  const confidence = Math.min(input.confidence, policy.retrieval);
  if (confidence >= policy.threshold) return { handedOff: false, confidence, message: KEEP };
  const target = policy.to && policy.to !== policy.from ? policy.to : undefined;
  if (!target || policy.alreadyHandedOff)
    return { handedOff: false, needsHuman: true, confidence, message: NEEDS_HUMAN };
  return { handedOff: true, to: target, confidence, message: `Handed to ${target}: ${input.note}` };
}

/** Decides hand-offs for one question: the decider remembers the first hand-off it granted and grants no other. */
export function handoffDecider(policy: HandoffPolicy): (input: HandoffInput) => Promise<HandoffOutput> {
  let handedOff = false;
  return async (input) => {
    const output = decideHandoff({ ...policy, alreadyHandedOff: handedOff }, input);
    if (output.handedOff) handedOff = true;
    return output;
  };
}
