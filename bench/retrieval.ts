/**
 * `npm run bench -- retrieval`: quality and speed of knowledge retrieval, measured on the real worker.
 *
 * How: the worker runs in workerd through wrangler's test harness (same bundle as `wrangler dev`, local D1
 * with the migrations, the local vector index), embeddings come from the test upstream started in-process
 * (deterministic hashed bag-of-words vectors, 256 dimensions), and every number below goes through the
 * real HTTP routes: POST /v1/documents to ingest, POST /v1/search to retrieve.
 *
 * 1. Quality on ../shared/data/kb-eval (232 chunks, 100 questions): each chunk is ingested as one document
 *    (id = its link, title from its URL, the heading as a Markdown heading), then MRR@5, recall@5 and
 *    recall@10 per mode (keyword only, vector only, hybrid), counting each gold chunk once.
 * 2. Latency of one hybrid search at 1,000 and 10,000 chunks (synthetic documents built from kb-eval's
 *    vocabulary): p50/p95 measured by the client over HTTP (an upper bound: includes HTTP, auth, JSON and the
 *    query embedding), and the worker's own `retrieve` time from Server-Timing (query embedding, keyword +
 *    vector search, fusion, D1 reads; workerd's clock only advances on I/O, so it misses the CPU after the
 *    last D1 read). "health p50" is the HTTP round trip of GET /v1/health: the floor under every request.
 * 3. Ingestion throughput: chunks per second excluding embedding time (Server-Timing `write`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCAL_DEV_TOKEN, type LocalWorker, startLocalWorker } from '../scripts/knowledge/local-worker';
import { startUpstream } from '../test/upstream/server';
import { percentile, printTable, sample } from './table';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EVAL_DIR = resolve(root, '../shared/data/kb-eval');

interface EvalChunk {
  chunk_link: string;
  chunk_heading: string;
  text: string;
}
interface EvalQuestion {
  question: string;
  correct_chunks: string[];
}

export function loadEval(): { chunks: EvalChunk[]; questions: EvalQuestion[] } {
  const docs = join(EVAL_DIR, 'anthropic_docs.json');
  const questions = join(EVAL_DIR, 'docs_evaluation_dataset.json');
  if (!existsSync(docs) || !existsSync(questions)) {
    throw new Error(
      `The retrieval benchmark needs the kb-eval data set at ${EVAL_DIR} (see ../shared/data/README.md); it is absent.`,
    );
  }
  return {
    chunks: JSON.parse(readFileSync(docs, 'utf8')) as EvalChunk[],
    questions: JSON.parse(readFileSync(questions, 'utf8')) as EvalQuestion[],
  };
}

/** "…/build-with-claude/prompt-caching#x" → "Prompt caching": what the page's own title would say. */
export function titleFromLink(link: string): string {
  const segment = new URL(link).pathname.split('/').filter(Boolean).at(-1) ?? link;
  const words = segment.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const authHeaders = { 'Content-Type': 'application/json', Authorization: `Bearer ${LOCAL_DEV_TOKEN}` };

export async function ingest(
  worker: LocalWorker,
  document: Record<string, unknown>,
): Promise<{ chunks: number; writeMs: number; embedMs: number }> {
  const response = await fetch(`${worker.url}/v1/documents`, {
    method: 'POST',
    headers: authHeaders,
    body: JSON.stringify(document),
  });
  if (!response.ok) throw new Error(`Ingest failed (${response.status}): ${await response.text()}`);
  const body = (await response.json()) as { chunks: number };
  const timing = response.headers.get('Server-Timing') ?? '';
  const duration = (name: string) =>
    Number(new RegExp(`${name};dur=(\\d+(?:\\.\\d+)?)`).exec(timing)?.[1] ?? Number.NaN);
  return { chunks: body.chunks, writeMs: duration('write'), embedMs: duration('embed') };
}

export async function search(
  worker: LocalWorker,
  query: string,
  mode: string,
  k: number,
): Promise<{ documentIds: string[]; serverMs: number }> {
  const response = await fetch(`${worker.url}/v1/search`, {
    method: 'POST',
    headers: authHeaders,
    body: JSON.stringify({ query, k, mode }),
  });
  if (!response.ok) throw new Error(`Search failed (${response.status}): ${await response.text()}`);
  const body = (await response.json()) as { results: { documentId: string }[] };
  const timing = response.headers.get('Server-Timing') ?? '';
  return {
    documentIds: body.results.map((result) => result.documentId),
    serverMs: Number(/retrieve;dur=(\d+(?:\.\d+)?)/.exec(timing)?.[1] ?? Number.NaN),
  };
}

async function quality(worker: LocalWorker, data: ReturnType<typeof loadEval>) {
  for (const chunk of data.chunks) {
    await ingest(worker, {
      id: chunk.chunk_link,
      title: titleFromLink(chunk.chunk_link),
      url: chunk.chunk_link,
      space: 'docs',
      markdown: `# ${chunk.chunk_heading}\n\n${chunk.text}`,
    });
  }
  const rows: (string | number)[][] = [];
  for (const mode of ['keyword', 'vector', 'hybrid']) {
    let mrr = 0;
    let recall5 = 0;
    let recall10 = 0;
    for (const item of data.questions) {
      // A long chunk may come back as several sections of its document: count each document once.
      const ranked = [...new Set((await search(worker, item.question, mode, 20)).documentIds)];
      const gold = new Set(item.correct_chunks);
      const first = ranked.slice(0, 5).findIndex((id) => gold.has(id));
      mrr += first >= 0 ? 1 / (first + 1) : 0;
      recall5 += ranked.slice(0, 5).filter((id) => gold.has(id)).length / gold.size;
      recall10 += ranked.slice(0, 10).filter((id) => gold.has(id)).length / gold.size;
    }
    const n = data.questions.length;
    rows.push([mode, mrr / n, recall5 / n, recall10 / n]);
  }
  rows.push(['reference BM25 (README)', 0.807, 0.752, 0.855]);
  printTable(
    `Retrieval quality on kb-eval (${data.chunks.length} chunks, ${data.questions.length} questions; goal keyword MRR@5 ≥ 0.85, recall@5 ≥ 0.85)`,
    ['mode', 'MRR@5', 'recall@5', 'recall@10'],
    rows,
  );
}

/** Deterministic pseudo-random numbers, so every run builds the same corpus. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Documents of 20 sections of ~700 characters, words drawn from kb-eval's own text (realistic frequencies). */
function syntheticDocuments(words: string[], count: number, seed: number) {
  const next = random(seed);
  const pick = () => words[Math.floor(next() * words.length)] as string;
  const sentence = () => {
    const length = 8 + Math.floor(next() * 10);
    const text = Array.from({ length }, pick).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  return Array.from({ length: count }, (_, index) => {
    const sections = Array.from({ length: 20 }, (_, section) => {
      const body = Array.from({ length: 6 }, sentence).join(' ');
      return `## ${pick()} ${pick()} ${section}\n\n${body}`;
    });
    return {
      id: `synthetic/${seed}/${index}`,
      title: `${pick()} ${pick()} guide ${index}`,
      space: 'bench',
      markdown: `# Guide ${index}\n\n${sections.join('\n\n')}`,
    };
  });
}

async function speed(worker: LocalWorker, data: ReturnType<typeof loadEval>, targetChunks: number) {
  const words = data.chunks.flatMap((chunk) => chunk.text.toLowerCase().match(/[a-z]{3,}/g) ?? []);
  let chunks = 0;
  let writeMs = 0;
  let embedMs = 0;
  const started = performance.now();
  for (const document of syntheticDocuments(words, Math.ceil(targetChunks / 20), targetChunks)) {
    const result = await ingest(worker, document);
    chunks += result.chunks;
    writeMs += result.writeMs;
    embedMs += result.embedMs;
  }
  const wallSeconds = (performance.now() - started) / 1000;

  const questions = data.questions.map((item) => item.question);
  // The first search after ingestion loads the vectors into the isolate's memory: reported apart.
  const coldStart = performance.now();
  await search(worker, questions[0] as string, 'hybrid', 8);
  const coldMs = performance.now() - coldStart;
  let turn = 0;
  const serverTimes: number[] = [];
  const clientTimes = await sample(200, async () => {
    const { serverMs } = await search(worker, questions[turn++ % questions.length] as string, 'hybrid', 8);
    serverTimes.push(serverMs);
  });
  const healthTimes = await sample(100, async () => (await fetch(`${worker.url}/v1/health`)).text());
  return {
    chunks,
    writeMs,
    embedMs,
    wallSeconds,
    coldMs,
    clientTimes,
    serverTimes: serverTimes.slice(-200),
    healthTimes,
  };
}

export default async function retrievalBenchmark(): Promise<void> {
  const data = loadEval();
  const upstream = await startUpstream();
  const vars = {
    OPENAI_BASE_URL: upstream.url,
    OPENAI_API_KEY: 'bench',
    EMBEDDING_MODEL: 'text-embedding-3-small',
    SPACES: JSON.stringify({ docs: ['*'], bench: ['*'] }),
  };
  try {
    const evalWorker = await startLocalWorker(vars);
    try {
      await quality(evalWorker, data);
    } finally {
      await evalWorker.close();
    }

    const rows: (string | number)[][] = [];
    const ingestRows: (string | number)[][] = [];
    for (const size of [1_000, 10_000]) {
      const worker = await startLocalWorker(vars);
      try {
        const result = await speed(worker, data, size);
        rows.push([
          result.chunks,
          percentile(result.clientTimes, 50),
          percentile(result.clientTimes, 95),
          percentile(result.serverTimes, 50),
          percentile(result.serverTimes, 95),
          result.coldMs,
          percentile(result.healthTimes, 50),
          ((result.chunks * 256 * 4) / 1e6).toFixed(1),
        ]);
        ingestRows.push([
          result.chunks,
          result.chunks / (result.writeMs / 1000),
          result.chunks / result.wallSeconds,
          result.embedMs / 1000,
        ]);
      } finally {
        await worker.close();
      }
    }
    printTable(
      'One hybrid search, local adapters (k = 8, 200 questions cycled; goal ≤ 25 ms p50 at 10,000 chunks)',
      [
        'chunks',
        'HTTP p50 ms',
        'HTTP p95 ms',
        'worker p50 ms',
        'worker p95 ms',
        'first (cold) ms',
        'health p50 ms',
        'vectors MB',
      ],
      rows,
    );
    printTable(
      'Ingestion through POST /v1/documents (20 chunks per document)',
      ['chunks', 'chunks/s excl. embedding', 'chunks/s wall clock', 'embedding s'],
      ingestRows,
    );
  } finally {
    await upstream.close();
  }
}
