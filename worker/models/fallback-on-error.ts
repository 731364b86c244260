import type { UIMessageChunk } from 'ai';

/**
 * When the model fails before it has written any text, sends `fallback` parts (e.g. the retrieved passages
 * as text) ahead of the error part, so the person still gets something useful along with the error.
 * Once text has streamed, an error is passed on as is: mixing a fallback into half an answer would confuse.
 */
export function fallbackOnError(
  stream: ReadableStream<UIMessageChunk>,
  fallback: () => UIMessageChunk[],
): ReadableStream<UIMessageChunk> {
  let wroteText = false;
  let usedFallback = false;
  return stream.pipeThrough(
    new TransformStream<UIMessageChunk, UIMessageChunk>({
      transform(chunk, controller) {
        if (chunk.type === 'text-delta') wroteText = true;
        if (chunk.type === 'error' && !wroteText && !usedFallback) {
          usedFallback = true;
          for (const part of fallback()) controller.enqueue(part);
        }
        controller.enqueue(chunk);
      },
    }),
  );
}
