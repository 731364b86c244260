/**
 * Worker overhead on time to first token (issue budget: ≤ 5 ms at p50 over the direct upstream). Same run, same
 * upstream: first content byte straight from the OpenAI-compatible upstream vs first text part through the worker
 * under `wrangler dev` (auth, validation, prompt building, AI SDK provider, UI-message stream), for chat, a quick
 * action and assistants with tools (Support Resolver's built-in tools; an administrator's assistant with MCP tools
 * of a real MCP server).
 *
 * Every question that needs knowledge searches it before the model is called (query embedding + D1 keyword +
 * vector search), a follow-up with a standalone query built from the conversation; a request about the answer
 * itself ("shorter please") and the summarize-selection quick action do not, so those rows show the worker's own
 * overhead apart from the retrieval the others pay for. (Those rows carry no `[[reply]]` directive: its words
 * would make the question look like one that needs knowledge; the upstream's default answer is as fast.)
 *
 * A reference worker with nothing of ours (bench/reference-worker: the same runtime settings and transport, the
 * upstream's bytes piped through, and the AI SDK alone) is timed in the same run, so the table can say what the
 * worker adds over the transport and over the library's own floor.
 *
 * The upstream runs in a process of its own, as a model provider is remote: the direct path then crosses a process
 * boundary as the worker's own call to it does (an upstream inside the benchmark's process answers its client
 * without any, which no real provider does). The in-process figure is still shown for comparison.
 *
 * Each sample reads its whole answer (untimed after the first token) and then leaves the worker a moment, as a
 * person's next question would: without that, the previous answer's remaining stream and its after-response writes
 * (conversation, usage event) land inside the next sample's time to first token.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startWranglerDev } from '../scripts/lib/wrangler-dev';
import { startMcpServer } from '../test/mcp/server';
import { BENCH_TOKEN, startStack } from './lib/stack';
import { median, percentile, printTable } from './table';

const RUNS = Number(process.env.TTFT_RUNS) || 60;
const WARMUP = 5;
/** Pause after each answer so its after-response work (D1 writes under waitUntil) is done before the next sample. */
const SETTLE_MS = 40;

/** The first chunk with text in it (OpenAI opens with the role and `"content":""`, which is not a token yet). */
const FIRST_CONTENT = /"content":"[^"]/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds from sending the request to `needle` (the first token) in the body; then reads the rest. */
async function timeToFirst(send: () => Promise<Response>, needle: string | RegExp): Promise<number> {
  const start = performance.now();
  const response = await send();
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  const found = () => (typeof needle === 'string' ? seen.includes(needle) : needle.test(seen));
  while (!found()) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before ${needle}: ${seen.slice(0, 300)}`);
    seen += decoder.decode(value, { stream: true });
  }
  const elapsed = performance.now() - start;
  while (!(await reader.read()).done) {}
  return elapsed;
}

/** Milliseconds to fetch `url` and read its (small) body: a transport baseline. */
const trivialGet = (url: string) => async (): Promise<number> => {
  const start = performance.now();
  await (await fetch(url)).text();
  return performance.now() - start;
};

const turn = (role: 'user' | 'assistant', content: string) => ({
  id: crypto.randomUUID(),
  role,
  parts: [{ type: 'text', text: content }],
});

const TICKET = {
  url: 'https://acme.zendesk.com/agent/tickets/4821',
  title: 'Refund for a duplicate charge',
  site: 'zendesk',
  kind: 'ticket',
  markdown: 'Customer: I was charged twice for my March invoice and would like a refund of the duplicate charge.',
  fields: [
    { label: 'Status', value: 'Open' },
    { label: 'Priority', value: 'High' },
  ],
  capturedAt: '2026-11-21T10:00:00.000Z',
};

/** An administrator's assistant whose tools come from the MCP server (one read tool, one that needs approval). */
const CRM_ASSISTANT = {
  specVersion: 1,
  id: 'crm-desk',
  name: 'CRM desk',
  description: 'Looks accounts up in the CRM and moves deals along.',
  icon: '▣',
  instructions: 'Answer questions about accounts from the CRM tools.',
  tools: [
    { id: 'mcp:crm/lookup_account', approval: 'auto' },
    { id: 'mcp:crm/update_stage', approval: 'always' },
    { id: 'search_knowledge', approval: 'auto' },
  ],
};

/** The test upstream as its own process (`npm run upstream`); resolves with its base URL (…/v1) once it listens. */
async function startUpstreamProcess(): Promise<{ url: string; stop(): void }> {
  const root = join(import.meta.dirname, '..');
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['test/upstream/cli.ts', '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (\S+)/.exec(output);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`test upstream exited (${code}): ${output}`)));
  });
  child.stdout.resume();
  return { url, stop: () => child.kill('SIGTERM') };
}

export default async function ttft() {
  const mcp = await startMcpServer();
  const remote = await startUpstreamProcess();
  const {
    upstream: inProcess,
    worker,
    stop,
  } = await startStack({
    OPENAI_BASE_URL: remote.url,
    MCP_SERVERS: JSON.stringify([
      {
        name: 'crm',
        url: mcp.endpoint,
        headers: { Authorization: 'secret:CRM_TOKEN' },
        allowedTools: ['lookup_account', 'update_stage'],
      },
    ]),
    CRM_TOKEN: 'Bearer bench-crm-token',
  });
  const reference = await startWranglerDev({
    config: join(import.meta.dirname, 'reference-worker/wrangler.toml'),
    vars: { OPENAI_BASE_URL: remote.url },
  });
  try {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${BENCH_TOKEN}` };
    const created = await fetch(`${worker.url}/v1/assistants`, {
      method: 'POST',
      headers,
      body: JSON.stringify(CRM_ASSISTANT),
    });
    if (created.status !== 201)
      throw new Error(`creating the MCP assistant: ${created.status} ${await created.text()}`);

    const text = '[[reply: Acme is in negotiation.]] Where is this deal?';
    /** An OpenAI-wire chat completion posted to `url` (the upstream itself, or piped through the reference). */
    const rawChat = (url: string, content: string) => () =>
      timeToFirst(
        () =>
          fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
            body: JSON.stringify({ model: 'test-model', stream: true, messages: [{ role: 'user', content }] }),
          }),
        FIRST_CONTENT,
      );
    const post =
      (path: string, body: unknown, base = worker.url) =>
      () =>
        timeToFirst(
          () => fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
          '"text-delta"',
        );
    const aboutTheAnswer = [
      turn('user', 'Where is this deal?'),
      turn('assistant', 'In negotiation.'),
      turn('user', 'shorter please'),
    ];
    const paths = {
      direct: rawChat(`${remote.url}/chat/completions`, text),
      directInProcess: rawChat(`${inProcess.url}/chat/completions`, text),
      firstQuestion: post('/v1/chat', { messages: [turn('user', text)] }),
      followUp: post('/v1/chat', {
        messages: [
          turn('user', 'Where is this deal?'),
          turn('assistant', 'In negotiation.'),
          turn('user', '[[reply: Acme is in negotiation.]] and the next step?'),
        ],
      }),
      aboutTheAnswer: post('/v1/chat', { messages: aboutTheAnswer }),
      quickAction: post('/v1/actions/summarize-selection', {
        page: {
          url: 'https://acme.example.com/notes',
          title: 'Call notes',
          site: 'generic',
          kind: 'article',
          markdown: 'Legal review of the MSA is complete.',
          selection: { text: 'Legal review of the MSA is complete; procurement asked for net-60 payment terms.' },
          capturedAt: '2026-11-21T10:00:00.000Z',
        },
        messages: [turn('user', 'Summarize the selection')],
      }),
      resolver: post('/v1/chat', { assistantId: 'support-resolver', page: TICKET, messages: aboutTheAnswer }),
      resolverQuestion: post('/v1/chat', {
        assistantId: 'support-resolver',
        page: TICKET,
        messages: [turn('user', '[[reply: Refund the duplicate charge.]] How do I resolve this refund request?')],
      }),
      mcpAssistant: post('/v1/chat', { assistantId: CRM_ASSISTANT.id, messages: aboutTheAnswer }),
      // The floor: the same runtime, transport and upstream with nothing of ours (bench/reference-worker).
      referenceRaw: rawChat(`${reference.url}/raw`, 'shorter please'),
      referenceAiSdk: post('/ai', { messages: aboutTheAnswer }, reference.url),
      // Transport baselines: a trivial request each way. wrangler dev puts a local proxy in front of workerd that
      // production does not have; subtracting its cost isolates what the worker's own code adds.
      directTrivial: trivialGet(`${remote.url}/models`),
      workerTrivial: trivialGet(`${worker.url}/v1/health`),
      referenceTrivial: trivialGet(`${reference.url}/v1/health`),
    } satisfies Record<string, () => Promise<number>>;

    // Interleave every path so machine noise hits them alike.
    const samples = Object.fromEntries(Object.keys(paths).map((name) => [name, [] as number[]])) as Record<
      keyof typeof paths,
      number[]
    >;
    for (let round = -WARMUP; round < RUNS; round++) {
      for (const [name, run] of Object.entries(paths) as [keyof typeof paths, () => Promise<number>][]) {
        const ms = await run();
        if (round >= 0) samples[name].push(ms);
        await sleep(SETTLE_MS);
      }
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
        row('chat: upstream direct (upstream in its own process)', samples.direct),
        row('chat: upstream direct (upstream inside the benchmark process)', samples.directInProcess),
        row('chat, first question: through worker (with knowledge search)', samples.firstQuestion),
        row('chat, follow-up question: through worker (standalone knowledge search)', samples.followUp),
        row('chat, "shorter please": through worker (no search)', samples.aboutTheAnswer),
        row('quick action summarize-selection: through worker (no search)', samples.quickAction),
        row('assistant with tools, Support Resolver on a ticket, "shorter please" (no search)', samples.resolver),
        row(
          'assistant with tools, Support Resolver on a ticket, question (knowledge search)',
          samples.resolverQuestion,
        ),
        row('assistant with MCP tools (admin-defined, 2 MCP + 1 built-in), "shorter please"', samples.mcpAssistant),
        row('trivial: upstream GET /v1/models', samples.directTrivial),
        row('trivial: worker GET /v1/health (wrangler dev)', samples.workerTrivial),
        row('reference worker (nothing of ours): upstream bytes piped through', samples.referenceRaw),
        row('reference worker (nothing of ours): AI SDK streamText → UI stream', samples.referenceAiSdk),
        row('reference worker: trivial GET /v1/health', samples.referenceTrivial),
      ],
    );
    // Three ways to take wrangler dev's own cost out (production has no local proxy in front of workerd), from the
    // most to the least generous to our code: its trivial GET (our middleware included, as before), the reference
    // worker's trivial GET (the transport alone), and the reference worker's AI SDK answer (the library's floor).
    const ourTransport = median(samples.workerTrivial) - median(samples.directTrivial);
    const transport = median(samples.referenceTrivial) - median(samples.directTrivial);
    const floor = median(samples.referenceAiSdk);
    const overheadRows = (
      [
        ['chat, "shorter please" (no search)', samples.aboutTheAnswer],
        ['quick action summarize-selection (no search)', samples.quickAction],
        ['Support Resolver with tools, "shorter please" (no search)', samples.resolver],
        ['assistant with MCP tools, "shorter please" (no search)', samples.mcpAssistant],
        ['chat, first question (knowledge search)', samples.firstQuestion],
        ['chat, follow-up question (knowledge search)', samples.followUp],
        ['Support Resolver question (knowledge search)', samples.resolverQuestion],
        ['reference worker, AI SDK only (nothing of ours)', samples.referenceAiSdk],
      ] as const
    ).map(([name, values]) => {
      const raw = median(values) - median(samples.direct);
      return [name, raw, raw - ourTransport, raw - transport, median(values) - floor];
    });
    printTable(
      `Worker overhead on time to first token at p50, ms (budget ≤ 5 over the direct upstream; wrangler dev transport: ${transport.toFixed(2)} ms bare, ${ourTransport.toFixed(2)} ms through our middleware)`,
      [
        'path',
        'raw, over direct',
        'minus our GET /v1/health',
        'minus the reference GET (transport only)',
        'over the AI SDK floor (reference /ai)',
      ],
      overheadRows,
    );
  } finally {
    await stop();
    await reference.stop();
    remote.stop();
    await mcp.close();
  }
}
