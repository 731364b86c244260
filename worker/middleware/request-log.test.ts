import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, jsonInit, readUIStream, textOf, userMessage } from '../testing/support';

interface LogLine {
  requestId: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  streamedMs?: number;
  ended?: string;
  subject?: string;
}

/** The request-log lines written while `work` ran, for `path`. */
async function linesFor(path: string, work: () => Promise<void>): Promise<LogLine[]> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  await work();
  const lines = log.mock.calls
    .map(([first]) => {
      try {
        return JSON.parse(String(first)) as LogLine;
      } catch {
        return undefined;
      }
    })
    .filter((line): line is LogLine => line?.path === path);
  log.mockRestore();
  return lines;
}

afterEach(() => vi.restoreAllMocks());

describe('the request log', () => {
  it('logs a streamed answer once, when it ends, with how long it streamed and none of its text', async () => {
    let chunks: Awaited<ReturnType<typeof readUIStream>> = [];
    let header: string | null = null;
    const lines = await linesFor('/v1/chat', async () => {
      const response = await call(
        '/v1/chat',
        jsonInit({ messages: [userMessage('[[reply: LOG-SECRET-ANSWER in full.]] shorter please')] }),
      );
      header = response.headers.get('X-Request-Id');
      chunks = await readUIStream(response);
    });
    expect(textOf(chunks)).toBe('LOG-SECRET-ANSWER in full.');
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({ method: 'POST', status: 200, ended: 'complete', subject: expect.any(String) });
    expect(line?.requestId).toBe(header);
    expect(line?.streamedMs).toBeGreaterThanOrEqual(line?.ms ?? Number.POSITIVE_INFINITY);
    expect(JSON.stringify(lines)).not.toContain('LOG-SECRET');
  });

  it('logs a streamed answer the reader left as cut short', async () => {
    const lines = await linesFor('/v1/chat', async () => {
      const response = await call(
        '/v1/chat',
        jsonInit({ messages: [userMessage('[[reply: one two three four five]] [[chunk-delay: 200]] shorter please')] }),
      );
      const reader = response.body!.getReader();
      await reader.read();
      await reader.cancel();
      // The log line is written as the cancellation reaches the worker.
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ status: 200, ended: 'reader-gone' });
  });

  it('logs every other response as it leaves, without stream fields', async () => {
    const lines = await linesFor('/v1/health', async () => {
      expect((await call('/v1/health')).status).toBe(200);
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ method: 'GET', status: 200 });
    expect(lines[0]).not.toHaveProperty('streamedMs');
    expect(lines[0]).not.toHaveProperty('ended');
  });
});
