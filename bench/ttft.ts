/**
 * Worker overhead on time to first token (DESIGN budget: ≤ 5 ms at p50). Same run, same upstream, same
 * answer: first content byte straight from the OpenAI-compatible upstream vs first text part through the
 * worker under `wrangler dev` (auth, validation, prompt building, AI SDK provider, UI-message stream).
 * Every question that needs knowledge searches it before the model is called (query embedding + D1 keyword +
 * vector search), a follow-up with a standalone query built from the conversation; a request about the answer
 * itself ("shorter please") and the summarize-selection quick action do not, so those rows show the worker's own
 * overhead apart from the retrieval the others pay for.
 */
import { BENCH_TOKEN, readUntil, startStack } from './lib/stack';
import { median, percentile, printTable, sample } from './table';

const RUNS = 60;

export default async function ttft() {
  const { upstream, worker, stop } = await startStack();
  try {
    const text = '[[reply: Acme is in negotiation.]] Where is this deal?';
    const direct = () =>
      fetch(`${upstream.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
        body: JSON.stringify({ model: 'test-model', stream: true, messages: [{ role: 'user', content: text }] }),
      }).then((response) => readUntil(response, '"content"'));
    const turn = (role: 'user' | 'assistant', content: string) => ({
      id: crypto.randomUUID(),
      role,
      parts: [{ type: 'text', text: content }],
    });
    const chat = (messages: ReturnType<typeof turn>[]) => () =>
      fetch(`${worker.url}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_TOKEN}` },
        body: JSON.stringify({ messages }),
      }).then((response) => readUntil(response, '"text-delta"'));
    const throughWorker = chat([turn('user', text)]);
    const followUp = chat([
      turn('user', 'Where is this deal?'),
      turn('assistant', 'In negotiation.'),
      turn('user', '[[reply: Acme is in negotiation.]] and the next step?'),
    ]);
    const aboutTheAnswer = chat([
      turn('user', 'Where is this deal?'),
      turn('assistant', 'In negotiation.'),
      turn('user', '[[reply: Acme is in negotiation.]] shorter please'),
    ]);
    const quickAction = () =>
      fetch(`${worker.url}/v1/actions/summarize-selection`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_TOKEN}` },
        body: JSON.stringify({
          page: {
            url: 'https://acme.example.com/notes',
            title: 'Call notes',
            site: 'generic',
            kind: 'article',
            markdown: 'Legal review of the MSA is complete.',
            selection: { text: 'Legal review of the MSA is complete; procurement asked for net-60 payment terms.' },
            capturedAt: '2026-11-21T10:00:00.000Z',
          },
          messages: [turn('user', '[[reply: Acme is in negotiation.]] Summarize the selection')],
        }),
      }).then((response) => readUntil(response, '"text-delta"'));

    // Transport baselines: a trivial request each way. wrangler dev puts a local proxy in front of workerd that
    // production does not have; subtracting its cost isolates what the worker's own code adds.
    const directTrivial = () => fetch(`${upstream.url}/models`).then((response) => response.text());
    const workerTrivial = () => fetch(`${worker.url}/v1/health`).then((response) => response.text());

    // Interleave all four so machine noise hits them alike.
    const samples = {
      direct: [] as number[],
      worker: [] as number[],
      followUp: [] as number[],
      aboutTheAnswer: [] as number[],
      quickAction: [] as number[],
      directTrivial: [] as number[],
      workerTrivial: [] as number[],
    };
    for (let round = 0; round < RUNS; round++) {
      const warmup = round === 0 ? 5 : 0;
      samples.direct.push(...(await sample(1, direct, warmup)));
      samples.worker.push(...(await sample(1, throughWorker, warmup)));
      samples.followUp.push(...(await sample(1, followUp, warmup)));
      samples.aboutTheAnswer.push(...(await sample(1, aboutTheAnswer, warmup)));
      samples.quickAction.push(...(await sample(1, quickAction, warmup)));
      samples.directTrivial.push(...(await sample(1, directTrivial, warmup)));
      samples.workerTrivial.push(...(await sample(1, workerTrivial, warmup)));
    }
    const row = (name: string, values: number[]) => [
      name,
      median(values),
      percentile(values, 95),
      median(values) / median(samples.direct),
    ];
    printTable(
      `Time to first streamed token (${RUNS} interleaved runs each, ms)`,
      ['path', 'p50', 'p95', 'p50 ratio vs upstream direct'],
      [
        row('chat: upstream direct', samples.direct),
        row('chat, first question: through worker (with knowledge search)', samples.worker),
        row('chat, follow-up question: through worker (standalone knowledge search)', samples.followUp),
        row('chat, "shorter please": through worker (no search)', samples.aboutTheAnswer),
        row('quick action summarize-selection: through worker (no search)', samples.quickAction),
        row('trivial: upstream GET /v1/models', samples.directTrivial),
        row('trivial: worker GET /v1/health (wrangler dev)', samples.workerTrivial),
      ],
    );
    const transport = median(samples.workerTrivial) - median(samples.directTrivial);
    for (const [name, values] of [
      ['chat, "shorter please" (worker only)', samples.aboutTheAnswer],
      ['quick action summarize-selection (worker only)', samples.quickAction],
      ['chat, first question (worker + knowledge search)', samples.worker],
      ['chat, follow-up question (worker + knowledge search)', samples.followUp],
    ] as const) {
      const raw = median(values) - median(samples.direct);
      console.log(
        `worker overhead at p50, ${name}: ${raw.toFixed(2)} ms raw; ${(raw - transport).toFixed(2)} ms after the wrangler dev transport baseline (${transport.toFixed(2)} ms). Budget ≤ 5 ms.`,
      );
    }
  } finally {
    await stop();
  }
}
