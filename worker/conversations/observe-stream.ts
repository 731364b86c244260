import type { UIMessageChunk } from 'ai';

export interface StreamObserver {
  /** Each UI-message part, in order, as the panel will read it. */
  onChunk(chunk: UIMessageChunk): void;
  /** The stream ended; awaited before the response closes, so what it saves is saved when the panel sees the end. */
  onEnd(): Promise<void>;
  /** The reader went away (Stop, a closed or reloaded panel) before the end. */
  onCancel(): void;
}

/**
 * Passes an SSE UI-message stream through byte for byte while showing its parts to an observer. Reading the
 * response (not the route's internals) keeps recording independent of how the answer was produced: chat, an
 * assistant pipeline or a fallback.
 */
export function observeUIStream(
  body: ReadableStream<Uint8Array>,
  observer: StreamObserver,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let ended = false;

  const dispatch = (event: string) => {
    for (const line of event.split('\n')) {
      if (!line.startsWith('data:')) continue;
      const data = line.slice(5).trim();
      if (!data || data === '[DONE]') continue;
      try {
        observer.onChunk(JSON.parse(data) as UIMessageChunk);
      } catch {
        // Not a part we can read: the panel will not read it either.
      }
    }
  };

  const consume = (text: string) => {
    buffer += text.replaceAll('\r\n', '\n');
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      dispatch(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
    }
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (ended) return;
      try {
        const { value, done } = await reader.read();
        if (done) {
          ended = true;
          consume(decoder.decode());
          if (buffer) dispatch(buffer);
          await observer.onEnd();
          controller.close();
          return;
        }
        // The bytes go on first: what the observer does with a part (e.g. start a write) never delays it.
        controller.enqueue(value);
        consume(decoder.decode(value, { stream: true }));
      } catch (error) {
        ended = true;
        observer.onCancel();
        controller.error(error);
      }
    },
    async cancel(reason) {
      if (!ended) {
        ended = true;
        observer.onCancel();
      }
      await reader.cancel(reason).catch(() => {});
    },
  });
}
