import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one chat or action request did, gathered while it runs and written as a usage event when its response
 * ends. The pipeline reports into it through `currentUsage()` rather than by threading a parameter through
 * every layer: retrieval and the model call note their facts where they happen, and a request that is not
 * tracked (search, tests calling a module directly) simply has no tracker.
 */
export class UsageTracker {
  readonly startedAt = Date.now();
  assistant: string | undefined;
  model: string | undefined;
  tokensIn = 0;
  tokensOut = 0;
  retrievalHits = 0;
  bestScore: number | undefined;
  private modelDone: () => void = () => {};
  private modelRunning = false;
  /** Resolves when the model call has reported its usage (or right away when no model was called). */
  private modelSettled: Promise<void> = Promise.resolve();

  constructor(readonly action: string) {}

  /** Knowledge passages retrieved for the answer (every search of the request adds up). */
  noteRetrieval(results: readonly { score: number }[]): void {
    this.retrievalHits += results.length;
    for (const { score } of results) {
      if (Number.isFinite(score) && (this.bestScore === undefined || score > this.bestScore)) this.bestScore = score;
    }
  }

  /** A model call begins: the event waits (briefly) for its token counts before being written. */
  noteModelStart(modelId: string): void {
    this.model ??= modelId;
    if (this.modelRunning) return;
    this.modelRunning = true;
    this.modelSettled = new Promise((resolve) => {
      this.modelDone = resolve;
    });
  }

  /** One model step ended (AI SDK step usage); tool-using answers have several. */
  noteModelStep(step: { modelId: string; inputTokens: number | undefined; outputTokens: number | undefined }): void {
    this.model = step.modelId || this.model;
    this.tokensIn += step.inputTokens ?? 0;
    this.tokensOut += step.outputTokens ?? 0;
  }

  /** The model call is over (finished, failed or aborted): no more steps will be reported. */
  noteModelEnd(): void {
    this.modelRunning = false;
    this.modelDone();
  }

  /** Waits for the model's last usage report, at most `ms` (an aborted call may never report). */
  async settled(ms: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.modelSettled, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
  }
}

const scope = new AsyncLocalStorage<UsageTracker>();

/** Runs the rest of the request with `tracker` as its usage tracker. */
export function withUsageTracker<T>(tracker: UsageTracker, run: () => T): T {
  return scope.run(tracker, run);
}

/** The tracker of the request being served, if it is tracked. */
export function currentUsage(): UsageTracker | undefined {
  return scope.getStore();
}
