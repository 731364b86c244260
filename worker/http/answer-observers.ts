import { AsyncLocalStorage } from 'node:async_hooks';
import type { UIMessageChunk } from 'ai';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';

/** Something that reads an answer as it streams to the panel (usage, the conversation), without changing it. */
export interface AnswerObserver {
  /** Each UI-message part, in order, after it has gone on towards the panel. */
  onChunk(chunk: UIMessageChunk): void;
  /** The stream ended; awaited before the panel sees the end (what it saves is saved when the panel reads on). */
  onEnd(): Promise<void> | void;
  /**
   * The stream ended early: the reader went away (`reader-gone`: Stop, a closed or reloaded panel), or reading the
   * answer failed (`failed`).
   */
  onCancel(cause: 'reader-gone' | 'failed'): void;
}

interface RequestObservation {
  observers: AnswerObserver[];
  /** Whether an answer stream of this request passed through `observedAnswer`. */
  tapped: boolean;
}

const observationOfRequest = new AsyncLocalStorage<RequestObservation>();

/**
 * Mounted ahead of every route (app.ts): the observers a request's middlewares and handler register see its
 * answer's parts as objects, where `uiStreamResponse` turns them into bytes. One pass over the parts for all of
 * them: observing the bytes instead cost each observer a stream of its own, a decoder and a JSON parse per part,
 * all before the first token reached the panel.
 */
export function answerObservation() {
  return createMiddleware<AppEnv>(async function observeAnswers(_c, next) {
    await observationOfRequest.run({ observers: [], tapped: false }, next);
  });
}

/**
 * Shows the answer this request streams to `observer`. Register before the answer is produced (a middleware before
 * `next()`, a route before it calls the model); outside `answerObservation` there is nothing to observe.
 */
export function observeAnswer(observer: AnswerObserver): void {
  observationOfRequest.getStore()?.observers.push(observer);
}

/**
 * Whether this request's answer was shown to its observers: false for a response that streams without passing
 * through `uiStreamResponse` (its observers will never hear of it, so nothing should wait for them).
 */
export function answerWasObserved(): boolean {
  return observationOfRequest.getStore()?.tapped === true;
}

const observerFailed = (error: unknown) =>
  console.error(JSON.stringify({ event: 'answer_observer_failed', error: String(error).slice(0, 300) }));

/** Safe observation: an observer that throws is left out, never the answer. */
function each(observers: readonly AnswerObserver[], call: (observer: AnswerObserver) => void): void {
  for (const observer of observers) {
    try {
      call(observer);
    } catch (error) {
      observerFailed(error);
    }
  }
}

/** The answer's parts passed through unchanged, shown to the request's observers (the stream itself when none). */
export function observedAnswer(stream: ReadableStream<UIMessageChunk>): ReadableStream<UIMessageChunk> {
  const observation = observationOfRequest.getStore();
  if (!observation || observation.observers.length === 0) return stream;
  observation.tapped = true;
  const { observers } = observation;
  const reader = stream.getReader();
  let ended = false;
  const cancel = (cause: 'reader-gone' | 'failed') => {
    if (ended) return;
    ended = true;
    each(observers, (observer) => observer.onCancel(cause));
  };
  return new ReadableStream<UIMessageChunk>(
    {
      async pull(controller) {
        if (ended) return;
        let next: ReadableStreamReadResult<UIMessageChunk>;
        try {
          next = await reader.read();
        } catch (error) {
          cancel('failed');
          controller.error(error);
          return;
        }
        // Cancelled while the read was pending: the observers have heard how it ended.
        if (ended) return;
        if (next.done) {
          ended = true;
          await Promise.all(
            observers.map((observer) =>
              Promise.resolve()
                .then(() => observer.onEnd())
                .catch(observerFailed),
            ),
          );
          controller.close();
          return;
        }
        // The part goes on first: what an observer does with it (e.g. start a write) never delays it.
        controller.enqueue(next.value);
        const chunk = next.value;
        each(observers, (observer) => observer.onChunk(chunk));
      },
      async cancel(reason) {
        cancel('reader-gone');
        await reader.cancel(reason).catch(() => {});
      },
    },
    // Nothing is read ahead of the panel: an observer sees a part when the panel is about to.
    { highWaterMark: 0 },
  );
}
