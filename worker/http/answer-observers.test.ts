import type { UIMessageChunk } from 'ai';
import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import type { AppEnv } from '../context';
import { readUIStream } from '../testing/support';
import { type AnswerObserver, answerObservation, answerWasObserved, observeAnswer } from './answer-observers';
import { uiStreamResponse } from './ui-stream';

const parts: UIMessageChunk[] = [
  { type: 'start', messageId: 'm1' },
  { type: 'text-start', id: 't' },
  { type: 'text-delta', id: 't', delta: 'Hello' },
  { type: 'text-end', id: 't' },
  { type: 'finish' },
];

const streamOf = (chunks: UIMessageChunk[]) =>
  new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });

function recorder() {
  const seen: string[] = [];
  const observer: AnswerObserver = {
    onChunk: (chunk) => seen.push(chunk.type),
    onEnd: () => {
      seen.push('end');
    },
    onCancel: (cause) => seen.push(`cancel:${cause}`),
  };
  return { seen, observer };
}

/** An app whose one route registers `observers` and streams `parts`; `tapped` says whether they were shown it. */
function appWith(observers: AnswerObserver[], tapped: boolean[] = []) {
  const app = new Hono<AppEnv>();
  app.use('*', answerObservation());
  app.use('*', async (_c, next) => {
    await next();
    tapped.push(answerWasObserved());
  });
  app.get('/answer', () => {
    for (const observer of observers) observeAnswer(observer);
    return uiStreamResponse(streamOf(parts));
  });
  return app;
}

describe('answer observers', () => {
  it('show every part, in order, to every observer, and end after the last', async () => {
    const first = recorder();
    const second = recorder();
    const tapped: boolean[] = [];
    const response = await appWith([first.observer, second.observer], tapped).request('/answer');
    const chunks = await readUIStream(response);
    expect(chunks.map((chunk) => chunk.type)).toEqual(parts.map((part) => part.type));
    const expected = [...parts.map((part) => part.type), 'end'];
    expect(first.seen).toEqual(expected);
    expect(second.seen).toEqual(expected);
    expect(tapped).toEqual([true]);
  });

  it('never let an observer that throws break the answer or the other observers', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const healthy = recorder();
    const broken: AnswerObserver = {
      onChunk: () => {
        throw new Error('observer bug');
      },
      onEnd: () => Promise.reject(new Error('observer bug at the end')),
      onCancel: () => {},
    };
    const response = await appWith([broken, healthy.observer]).request('/answer');
    const chunks = await readUIStream(response);
    expect(chunks).toHaveLength(parts.length);
    expect(healthy.seen.at(-1)).toBe('end');
    expect(error.mock.calls.map(([line]) => String(line)).join('\n')).toContain('answer_observer_failed');
    error.mockRestore();
  });

  it('tell observers once when the reader goes away, and nothing after', async () => {
    const watcher = recorder();
    const response = await appWith([watcher.observer]).request('/answer');
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(watcher.seen.filter((event) => event.startsWith('cancel') || event === 'end')).toEqual([
      'cancel:reader-gone',
    ]);
  });

  it('leave a stream with no observers as it is, and say it was not observed', async () => {
    const tapped: boolean[] = [];
    const response = await appWith([], tapped).request('/answer');
    expect((await readUIStream(response)).map((chunk) => chunk.type)).toEqual(parts.map((part) => part.type));
    expect(tapped).toEqual([false]);
  });
});
