/**
 * `npm run bench -- followups`: knowledge on every question. Follow-up questions written for kb-eval
 * (bench/data/kb-eval-follow-ups.json: an earlier question naming the topic, then a follow-up with pronouns or
 * ellipsis, gold = the kb-eval question's correct chunks) are searched through the real worker's /v1/search
 * three ways: the follow-up as typed, the standalone query the chat route builds from the conversation
 * (worker/knowledge/standalone-query.ts), and the full kb-eval question as a ceiling. Same ingestion as the
 * retrieval bench (one document per kb-eval chunk; test-upstream hashed embeddings).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LocalWorker, startLocalWorker } from '../scripts/knowledge/local-worker';
import { startUpstream } from '../test/upstream/server';
import { standaloneQuery } from '../worker/knowledge/standalone-query';
import { ingest, loadEval, search, titleFromLink } from './retrieval';
import { printTable } from './table';

interface Pair {
  question: number;
  before: string;
  followUp: string;
}

const here = dirname(fileURLToPath(import.meta.url));

function loadPairs(): Pair[] {
  return (JSON.parse(readFileSync(join(here, 'data/kb-eval-follow-ups.json'), 'utf8')) as { pairs: Pair[] }).pairs;
}

async function scores(worker: LocalWorker, queries: { query: string; gold: string[] }[], mode: string) {
  let mrr = 0;
  let recall5 = 0;
  let recall10 = 0;
  for (const { query, gold } of queries) {
    const ranked = [...new Set((await search(worker, query, mode, 20)).documentIds)];
    const wanted = new Set(gold);
    const first = ranked.slice(0, 5).findIndex((id) => wanted.has(id));
    mrr += first >= 0 ? 1 / (first + 1) : 0;
    recall5 += ranked.slice(0, 5).filter((id) => wanted.has(id)).length / wanted.size;
    recall10 += ranked.slice(0, 10).filter((id) => wanted.has(id)).length / wanted.size;
  }
  const n = queries.length;
  return [mrr / n, recall5 / n, recall10 / n];
}

export default async function followUpsBenchmark(): Promise<void> {
  const data = loadEval();
  const pairs = loadPairs();
  const upstream = await startUpstream();
  const worker = await startLocalWorker({
    OPENAI_BASE_URL: upstream.url,
    OPENAI_API_KEY: 'bench',
    EMBEDDING_MODEL: 'text-embedding-3-small',
    SPACES: JSON.stringify({ docs: ['*'] }),
  });
  try {
    for (const chunk of data.chunks) {
      await ingest(worker, {
        id: chunk.chunk_link,
        title: titleFromLink(chunk.chunk_link),
        url: chunk.chunk_link,
        space: 'docs',
        markdown: `# ${chunk.chunk_heading}\n\n${chunk.text}`,
      });
    }
    const gold = (pair: Pair) => data.questions[pair.question]?.correct_chunks ?? [];
    const rewrites = pairs.map((pair) => standaloneQuery([pair.before, pair.followUp]));
    const variants = {
      'follow-up as typed (no rewriting)': pairs.map((pair) => ({ query: pair.followUp, gold: gold(pair) })),
      'standalone query from the conversation': pairs.map((pair, index) => ({
        query: rewrites[index]?.query ?? pair.followUp,
        gold: gold(pair),
      })),
      'ceiling: the full kb-eval question': pairs.map((pair) => ({
        query: data.questions[pair.question]?.question ?? '',
        gold: gold(pair),
      })),
    };
    const rows: (string | number)[][] = [];
    for (const mode of ['keyword', 'hybrid']) {
      for (const [name, queries] of Object.entries(variants))
        rows.push([mode, name, ...(await scores(worker, queries, mode))]);
    }
    printTable(
      `Follow-up questions on kb-eval (${pairs.length} pairs, ${rewrites.filter((r) => r?.rewritten).length} rewritten; ${data.chunks.length} chunks)`,
      ['mode', 'query', 'MRR@5', 'recall@5', 'recall@10'],
      rows,
    );
  } finally {
    await worker.close();
    await upstream.close();
  }
}
