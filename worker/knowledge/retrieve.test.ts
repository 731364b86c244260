import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { LocalVectorIndex } from '../adapters/local/vector-index';
import { readConfig } from '../config';
import { knowledgeEnv, resetKnowledge } from '../testing/knowledge';
import { knowledgeDeps } from './deps';
import type { Embedder } from './embed';
import { ingestDocument, type KnowledgeDeps } from './ingest';
import { clearQueryVectorCache, retrieve } from './retrieve';

async function deps(): Promise<KnowledgeDeps> {
  const environment = await knowledgeEnv();
  return knowledgeDeps(environment, readConfig(environment));
}

/** Wraps the configured embedder to count its calls and, optionally, hold each call until released. */
function counting(embedder: Embedder, options: { id?: string; gate?: Promise<void>; onCall?: () => void } = {}) {
  const calls: string[][] = [];
  const wrapped: Embedder = {
    id: options.id ?? embedder.id,
    async embed(texts, signal) {
      calls.push(texts);
      options.onCall?.();
      await options.gate;
      return embedder.embed(texts, signal);
    },
  };
  return { embedder: wrapped, calls };
}

/** The database, with a hook on the keyword (FTS) query's start and end. */
function watchKeywordQuery(db: D1Database, hooks: { started: () => void; settled: () => void }): D1Database {
  const watch = (statement: D1PreparedStatement, sql: string): D1PreparedStatement =>
    new Proxy(statement, {
      get(target, property) {
        if (property === 'bind') return (...values: unknown[]) => watch(target.bind(...values), sql);
        if (property === 'all' && sql.includes('chunks_fts MATCH')) {
          return async () => {
            hooks.started();
            try {
              return await target.all();
            } finally {
              hooks.settled();
            }
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') return (sql: string) => watch(target.prepare(sql), sql);
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function seed(knowledge: KnowledgeDeps) {
  await ingestDocument(knowledge, {
    id: 'help/refunds',
    title: 'Refund policy',
    space: 'support',
    markdown:
      '# Refunds\n\nMonthly plans can be refunded within 30 days.\n\n## Annual plans\n\nAnnual plans are refunded pro rata.',
  });
  await ingestDocument(knowledge, {
    id: 'sales/discounts',
    title: 'Discount rules',
    space: 'sales',
    markdown: '# Discounts\n\nNonprofits get 20 percent off annual plans. Plans are billed yearly.',
  });
}

beforeEach(async () => {
  await resetKnowledge();
  clearQueryVectorCache();
});

describe('retrieve', () => {
  it('runs the keyword query while the query is being embedded, with the same results as one after the other', async () => {
    const knowledge = await deps();
    await seed(knowledge);
    const spaces = ['support', 'sales'];
    const query = 'are annual plans refunded';

    // Reference: keyword and vector results computed separately, one after the other.
    const [keywordOnly, vectorOnly] = [
      await retrieve(knowledge, { query, spaces, k: 10, mode: 'keyword' }),
      await retrieve(knowledge, { query, spaces, k: 10, mode: 'vector' }),
    ];
    clearQueryVectorCache();

    // The embedding is held until retrieve's own keyword query has finished: if the two ran one after the
    // other, either the keyword query would never start (embed first) or would be over before the embedding
    // started (keyword first).
    const keyword = { started: false, settled: false };
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
      setTimeout(resolve, 3_000); // never hang the suite: the assertions below then fail instead
    });
    const db = watchKeywordQuery(knowledge.db, {
      started: () => {
        keyword.started = true;
      },
      settled: () => {
        keyword.settled = true;
        release();
      },
    });
    let settledWhenEmbeddingStarted: boolean | undefined;
    const held = counting(knowledge.embedder!, {
      gate,
      onCall: () => {
        settledWhenEmbeddingStarted = keyword.settled;
      },
    });
    const hybrid = await retrieve({ ...knowledge, db, embedder: held.embedder }, { query, spaces, k: 10 });
    expect(keyword.started).toBe(true);
    expect(settledWhenEmbeddingStarted).toBe(false);
    expect(keyword.settled).toBe(true);

    expect(hybrid.mode).toBe('hybrid');
    const ids = (results: { chunkId: string }[]) => results.map((result) => result.chunkId).sort();
    // Fusion re-orders, but every hybrid result comes from one of the two lists, and their best hits survive.
    const union = new Set([...ids(keywordOnly.results), ...ids(vectorOnly.results)]);
    expect(ids(hybrid.results).every((id) => union.has(id))).toBe(true);
    expect(ids(hybrid.results)).toContain(keywordOnly.results[0]?.chunkId);
  });

  it('embeds a repeated query once per isolate, per embedding model', async () => {
    const knowledge = await deps();
    await seed(knowledge);
    const first = counting(knowledge.embedder!);
    const withCounting = { ...knowledge, embedder: first.embedder };
    const options = { query: 'annual plan refunds', spaces: ['support'], k: 5 };

    const a = await retrieve(withCounting, options);
    const b = await retrieve(withCounting, options);
    expect(first.calls).toHaveLength(1);
    expect(b.results).toEqual(a.results);
    expect(b.timings.embedMs).toBe(0);

    await retrieve(withCounting, { ...options, query: 'annual plan refund' });
    expect(first.calls).toHaveLength(2);

    // Another model (or dimension) must never reuse these vectors.
    const other = counting(knowledge.embedder!, { id: 'another-model@256' });
    await retrieve({ ...knowledge, embedder: other.embedder }, options);
    expect(other.calls).toHaveLength(1);
  });

  it('does not remember a failed embedding', async () => {
    const knowledge = await deps();
    await seed(knowledge);
    let fail = true;
    const flaky: Embedder = {
      id: knowledge.embedder!.id,
      embed: (texts, signal) => (fail ? Promise.reject(new Error('down')) : knowledge.embedder!.embed(texts, signal)),
    };
    const options = { query: 'annual plan refunds', spaces: ['support'], k: 5 };
    const degraded = await retrieve({ ...knowledge, embedder: flaky }, options);
    expect(degraded.mode).toBe('keyword');
    fail = false;
    const recovered = await retrieve({ ...knowledge, embedder: flaky }, options);
    expect(recovered.mode).toBe('hybrid');
  });
});

describe('LocalVectorIndex scan', () => {
  it('answers different filters on one snapshot correctly, and returns the stored values exactly', async () => {
    const index = new LocalVectorIndex(env.DB, { dimensions: 3 });
    const spaceOf = (i: number) => ['a', 'b', 'c'][i % 3] as string;
    await index.upsert(
      Array.from({ length: 30 }, (_, i) => ({
        id: `v${i}`,
        values: [Math.cos(i / 5) * 0.3, Math.sin(i / 5) * 1.7, 0.1 * (i % 4)],
        metadata: { space: spaceOf(i), documentId: `d${i}` },
      })),
    );
    const query = [0.2, 1, 0.05];
    const spacesOf = async (spaces: string[]) =>
      (await index.query(query, { topK: 30, filter: { space: { $in: spaces } } })).matches.map((match) =>
        spaceOf(Number(match.id.slice(1))),
      );
    for (const spaces of [['a'], ['b', 'c'], ['a'], ['c']]) {
      const found = await spacesOf(spaces);
      expect(found).toHaveLength(10 * spaces.length);
      expect(found.every((space) => spaces.includes(space))).toBe(true);
    }
    // Best first, scores are cosines.
    const { matches } = await index.query(query, { topK: 5, returnValues: true });
    const scores = matches.map((match) => match.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    expect(scores.every((score) => score <= 1 + 1e-6 && score >= -1 - 1e-6)).toBe(true);
    const [stored] = await index.getByIds([matches[0]!.id]);
    expect(matches[0]?.values).toEqual(stored?.values);
  });
});
