import { z } from 'zod';
import { defineTool } from './types';

export const HandoffInput = z.object({
  confidence: z
    .number()
    .min(0)
    .max(1)
    .describe('How sure you are that the knowledge you found resolves the question: 0 = not at all, 1 = fully'),
  note: z
    .string()
    .min(1)
    .max(500)
    .describe(
      'For the colleague who takes over: what is missing or uncertain, e.g. "no policy covers refunds after 90 days"',
    ),
});
export type HandoffInput = z.infer<typeof HandoffInput>;

export interface HandoffOutput {
  handedOff: boolean;
  /** The assistant that takes over, when handed off. */
  to?: string;
  /** Below the threshold with nobody to hand to (or handed on already): a person must look at it. */
  needsHuman?: boolean;
  /** The confidence the decision used (the lower of the model's and the retrieval's). */
  confidence: number;
  message: string;
}

/**
 * `handoff`: the assistant's own structured assessment of its answer. The pipeline combines it with the retrieval
 * scores and, below HANDOFF_THRESHOLD, hands the question to the assistant configured to take over (at most once
 * per question, never to itself). Without a hand-off target it only records the assessment.
 */
export const handoff = defineTool({
  id: 'handoff',
  description:
    'Report how confident you are in your answer. Call it once, after searching, with a confidence between 0 and 1 and ' +
    'a short note of what is missing. When confidence is low the question goes to a colleague who investigates further.',
  inputSchema: HandoffInput,
  readOnly: true,
  execute: async (input, context): Promise<HandoffOutput> =>
    context.handoff
      ? context.handoff(input)
      : {
          handedOff: false,
          confidence: input.confidence,
          message: 'No colleague to hand this to: answer as best you can.',
        },
  toModelText: (output) => output.message,
});
