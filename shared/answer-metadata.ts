import { z } from 'zod';
import { AnsweringAssistant } from './assistants';
import { HandoffEvent } from './handoff';

/**
 * Metadata on an answer's UI message (the stream's `finish` part): which model answered. An alias is a fallback
 * chain, so this names the model that actually wrote the answer, not the first one asked. Never a key.
 */
export const AnsweredBy = z.object({
  /** The alias that was asked for (`default`, `smart`…). */
  alias: z.string(),
  /** The provider's name in MODELS (`openai` for the OPENAI_* shortcut). */
  provider: z.string(),
  /** The provider's model id. */
  model: z.string(),
});
export type AnsweredBy = z.infer<typeof AnsweredBy>;

export const AnswerMetadata = z.looseObject({
  answeredBy: AnsweredBy.optional(),
  /** The assistant that answered and the alias it ran on (shared/assistants.ts). */
  assistant: AnsweringAssistant.optional(),
  modelAlias: z.string().optional(),
  /** Set once the question was handed on: `assistant` then names the assistant that took over (shared/handoff.ts). */
  handoff: HandoffEvent.optional(),
});
export type AnswerMetadata = z.infer<typeof AnswerMetadata>;
