import { z } from 'zod';

/**
 * Hand-off on confidence, as the panel sees it. An assistant that may hand off (the Support Resolver) reports its
 * confidence with the `handoff` tool; the worker combines it with how well retrieval covered the question and,
 * below HANDOFF_THRESHOLD, the same answer continues as the assistant the spec names (`handoffTo`). Each outcome is
 * sent as a `data-handoff` part at the point of the answer where it happened, so the panel shows the note above the
 * words of the assistant that took over:
 * - `handed-off`: "Handed to Support Investigator: no policy covers …";
 * - `needs-human`: the assistant answering could not settle it and nobody else may take it (a question is handed on
 *   at most once): a person must look at it; the answer says what to ask.
 */
export const HANDOFF_PART = 'data-handoff';

const AssistantRef = z.object({ id: z.string().max(64), name: z.string().max(60) });

export const HandoffEvent = z.object({
  outcome: z.enum(['handed-off', 'needs-human']),
  from: AssistantRef,
  /** The assistant that takes over (`handed-off` only). */
  to: AssistantRef.optional(),
  /** The model's note: what is missing or uncertain (model-written text: shown as plain text, never as HTML). */
  reason: z.string().max(500),
  /** The confidence the decision used (0–1): the lower of the model's own and the retrieval's. */
  confidence: z.number().min(0).max(1),
});
export type HandoffEvent = z.infer<typeof HandoffEvent>;
