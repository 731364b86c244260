import { currentUsage } from './usage-tracker';

interface StepFacts {
  model: { modelId: string };
  /** The model id the provider answered with: the real model behind an alias's fallback chain. */
  response: { modelId: string };
  usage: { inputTokens: number | undefined; outputTokens: number | undefined };
}

/**
 * streamText callbacks that report the model call's tokens and model id to the request's usage tracker (none
 * when the request is not tracked). Taken when the call starts, inside the request, so callbacks that fire
 * later from the stream still reach the right tracker.
 */
export function modelUsageReporter(modelId: string) {
  const usage = currentUsage();
  usage?.noteModelStart(modelId);
  const ended = () => usage?.noteModelEnd();
  return {
    ended,
    callbacks: {
      onStepEnd: (step: StepFacts) =>
        usage?.noteModelStep({
          modelId: step.response.modelId || step.model.modelId,
          inputTokens: step.usage.inputTokens,
          outputTokens: step.usage.outputTokens,
        }),
      onEnd: ended,
      onAbort: ended,
    },
  };
}
