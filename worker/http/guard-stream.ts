import type { UIMessageChunk } from 'ai';

export interface GuardOptions {
  /** Aborted when the person goes away (the response is cancelled), which cancels the upstream call. */
  controller: AbortController;
  /** Set when our own timeout fired, so an abort can be reported as a timeout the person can act on. */
  timedOut: () => boolean;
  /** The error text (with its code) for a failure. */
  describe: (error: unknown) => string;
}

/**
 * Makes every model stream end cleanly: a transport failure mid-stream (the upstream disconnecting) becomes
 * an error part instead of a broken response; our timeout becomes an error part instead of a silent abort;
 * a cancelled response (Stop, closed panel, dropped connection) aborts the upstream request.
 */
export function guardUIStream(
  source: ReadableStream<UIMessageChunk>,
  options: GuardOptions,
): ReadableStream<UIMessageChunk> {
  const reader = source.getReader();
  let finished = false;
  return new ReadableStream<UIMessageChunk>({
    async pull(controller) {
      if (finished) return;
      try {
        const { value, done } = await reader.read();
        if (done) {
          finished = true;
          controller.close();
          return;
        }
        if (value.type === 'abort' && options.timedOut()) {
          controller.enqueue({
            type: 'error',
            errorText: options.describe(new DOMException('timed out', 'TimeoutError')),
          });
          return;
        }
        controller.enqueue(value);
      } catch (error) {
        finished = true;
        controller.enqueue({ type: 'error', errorText: options.describe(error) });
        controller.close();
      }
    },
    async cancel(reason) {
      finished = true;
      options.controller.abort(reason ?? new DOMException('The client went away', 'AbortError'));
      await reader.cancel(reason).catch(() => {});
    },
  });
}
