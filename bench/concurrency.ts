/**
 * 200 concurrent streaming chats through `wrangler dev` on this machine, with no error (DESIGN budget).
 * Reports completion, errors, and time to first token / to the end under that load.
 */
import { BENCH_TOKEN, startStack } from './lib/stack';
import { median, percentile, printTable } from './table';

const CONCURRENCY = 200;

export default async function concurrency() {
  const { worker, stop } = await startStack();
  try {
    const one = async (index: number) => {
      const start = performance.now();
      const response = await fetch(`${worker.url}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_TOKEN}` },
        body: JSON.stringify({
          messages: [
            {
              id: `m${index}`,
              role: 'user',
              parts: [{ type: 'text', text: `[[chunk-delay: 5]] question number ${index} about the renewal` }],
            },
          ],
        }),
      });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let body = '';
      let firstToken: number | undefined;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        body += decoder.decode(value, { stream: true });
        if (firstToken === undefined && body.includes('"text-delta"')) firstToken = performance.now() - start;
      }
      // Each answer must be whole and its own (no crossed streams): the deltas spell out this question.
      const answer = [...body.matchAll(/"delta":"((?:[^"\\]|\\.)*)"/g)]
        .map((match) => JSON.parse(`"${match[1]}"`))
        .join('');
      const ok =
        response.status === 200 &&
        body.includes('"finish"') &&
        !body.includes('"type":"error"') &&
        answer.includes(`question number ${index} `);
      return { ok, firstToken: firstToken ?? Number.NaN, total: performance.now() - start };
    };
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, index) =>
        one(index).catch(() => ({ ok: false, firstToken: Number.NaN, total: Number.NaN })),
      ),
    );
    const wall = performance.now() - started;
    const good = results.filter((result) => result.ok);
    printTable(
      `${CONCURRENCY} concurrent streaming chats through wrangler dev`,
      [
        'completed',
        'errors',
        'first token p50 (ms)',
        'first token p95 (ms)',
        'complete p50 (ms)',
        'complete p95 (ms)',
        'wall (ms)',
      ],
      [
        [
          good.length,
          CONCURRENCY - good.length,
          median(good.map((result) => result.firstToken)),
          percentile(
            good.map((result) => result.firstToken),
            95,
          ),
          median(good.map((result) => result.total)),
          percentile(
            good.map((result) => result.total),
            95,
          ),
          wall,
        ],
      ],
    );
    if (good.length !== CONCURRENCY) process.exitCode = 1;
  } finally {
    await stop();
  }
}
