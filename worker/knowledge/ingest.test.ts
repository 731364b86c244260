import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DocumentInput } from '../../shared/knowledge';
import { LocalVectorIndex } from '../adapters/local/vector-index';
import { readConfig } from '../config';
import { brokenModelEnv, count, knowledgeEnv, resetKnowledge } from '../testing/knowledge';
import { knowledgeDeps } from './deps';
import { EmbeddingFailedError, EmptyDocumentError, ingestDocument, type KnowledgeDeps, removeDocument } from './ingest';
import { retrieve } from './retrieve';

const refunds = (body: string): DocumentInput => ({
  id: 'help/refunds',
  title: 'Refund policy',
  url: 'https://help.example.com/refunds',
  space: 'support',
  markdown: `# Refunds\n\n${body}\n\n## Annual plans\n\nAnnual plans are refunded pro rata for unused months.`,
});

async function deps(): Promise<KnowledgeDeps> {
  const environment = await knowledgeEnv();
  return knowledgeDeps(environment, readConfig(environment));
}

/** Everything stored about the knowledge base, to compare before and after. */
async function snapshot() {
  const rows = async (sql: string) => (await env.DB.prepare(sql).all()).results;
  return {
    documents: await rows('SELECT * FROM documents ORDER BY id'),
    chunks: await rows('SELECT id, document_id, position, heading, text FROM chunks ORDER BY id'),
    fts: await rows("SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH 'refunded OR refund' ORDER BY rowid"),
    vectors: await rows('SELECT id, vector FROM vector_entries ORDER BY id'),
    generation: await rows('SELECT generation FROM vector_state'),
    garbage: await rows('SELECT id FROM vector_garbage'),
  };
}

async function searchText(knowledge: KnowledgeDeps, query: string, mode: 'keyword' | 'vector' = 'keyword') {
  const { results } = await retrieve(knowledge, { query, spaces: ['support'], k: 10, mode });
  return results.map((result) => result.text).join('\n');
}

beforeEach(resetKnowledge);

describe('ingestDocument', () => {
  it('stores chunks, keyword entries and one vector per chunk', async () => {
    const knowledge = await deps();
    const result = await ingestDocument(knowledge, refunds('Monthly plans can be refunded within 30 days.'));
    expect(result).toMatchObject({
      id: 'help/refunds',
      status: 'created',
      chunks: 2,
      embedded: true,
      space: 'support',
    });
    expect(await count('chunks')).toBe(2);
    expect(await count('vector_entries')).toBe(2);
    expect(await searchText(knowledge, 'refunded within 30 days')).toContain('30 days');
    expect(await searchText(knowledge, 'refund monthly plan', 'vector')).toContain('30 days');
  });

  it('writes nothing when the same document comes again', async () => {
    const knowledge = await deps();
    await ingestDocument(knowledge, refunds('Monthly plans can be refunded within 30 days.'));
    const before = await snapshot();
    const again = await ingestDocument(knowledge, refunds('Monthly plans can be refunded within 30 days.'));
    expect(again).toMatchObject({ status: 'unchanged', chunks: 2 });
    expect(again.timings.embedMs).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it('re-embeds an unchanged document when the embedding model changed', async () => {
    await ingestDocument(await deps(), refunds('Monthly plans can be refunded within 30 days.'));
    const environment = await knowledgeEnv({ EMBEDDING_MODEL: 'another-embedding-model' });
    const other = knowledgeDeps(environment, readConfig(environment));
    expect((await ingestDocument(other, refunds('Monthly plans can be refunded within 30 days.'))).status).toBe(
      'updated',
    );
  });

  it('replaces every chunk, keyword entry and vector of the old version on update', async () => {
    const knowledge = await deps();
    await ingestDocument(knowledge, refunds('Monthly plans can be refunded within 30 days.'));
    const oldIds = (await snapshot()).chunks.map((chunk) => chunk.id);
    const updated = await ingestDocument(knowledge, refunds('Monthly plans can be refunded within 14 days only.'));
    expect(updated.status).toBe('updated');
    const after = await snapshot();
    expect(after.chunks.map((chunk) => chunk.id).some((id) => oldIds.includes(id))).toBe(false);
    expect(after.vectors.map((vector) => vector.id).sort()).toEqual(after.chunks.map((chunk) => chunk.id).sort());
    expect(after.garbage).toEqual([]);
    expect(await searchText(knowledge, '30 days')).not.toContain('30 days');
    expect(await searchText(knowledge, '14 days')).toContain('14 days');
  });

  it('keeps the old version complete when the transaction fails half-way', async () => {
    const knowledge = await deps();
    await ingestDocument(knowledge, refunds('Monthly plans can be refunded within 30 days.'));
    const before = await snapshot();

    // A D1 whose batch() runs the first half of the statements, then one that fails: D1 must roll back.
    let failed = false;
    const failingDb = new Proxy(env.DB, {
      get(target, property) {
        if (property === 'batch') {
          return async (statements: D1PreparedStatement[]) => {
            if (statements.length < 4 || failed) return target.batch(statements);
            failed = true;
            const half = Math.floor(statements.length / 2);
            const broken = target.prepare('INSERT INTO no_such_table VALUES (1)');
            return target.batch([...statements.slice(0, half), broken, ...statements.slice(half)]);
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const failing: KnowledgeDeps = { ...knowledge, db: failingDb, index: new LocalVectorIndex(failingDb) };
    await expect(ingestDocument(failing, refunds('A completely new refund text mentioning 90 days.'))).rejects.toThrow(
      /no such table/,
    );
    expect(failed).toBe(true);

    const after = await snapshot();
    expect(after.documents).toEqual(before.documents);
    expect(after.chunks).toEqual(before.chunks);
    expect(after.fts).toEqual(before.fts);
    // The new version's vectors were taken back out: nothing orphaned, nothing pending.
    expect(after.vectors).toEqual(before.vectors);
    expect(after.garbage).toEqual([]);
    expect(await searchText(knowledge, '90 days')).not.toContain('90 days');
    expect(await searchText(knowledge, '30 days')).toContain('30 days');
  });

  it('changes nothing when the embedding model fails', async () => {
    const knowledge = await deps();
    await ingestDocument(knowledge, refunds('Monthly plans can be refunded within 30 days.'));
    const before = await snapshot();
    const environment = await brokenModelEnv();
    const broken = knowledgeDeps(environment, readConfig(environment));
    await expect(ingestDocument(broken, refunds('Changed text about 60 days.'))).rejects.toBeInstanceOf(
      EmbeddingFailedError,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a document without text before writing anything', async () => {
    const knowledge = await deps();
    await expect(
      ingestDocument(knowledge, { id: 'x', title: 'Empty', space: 'support', html: '<script>x()</script>' }),
    ).rejects.toBeInstanceOf(EmptyDocumentError);
    expect(await count('documents')).toBe(0);
  });

  it('indexes keyword-only without an embedding model, and says so', async () => {
    const environment = await knowledgeEnv({ OPENAI_BASE_URL: undefined, OPENAI_API_KEY: undefined });
    const knowledge = knowledgeDeps(environment, readConfig(environment));
    const result = await ingestDocument(knowledge, refunds('Monthly plans can be refunded within 30 days.'));
    expect(result).toMatchObject({ status: 'created', embedded: false });
    expect(await count('vector_entries')).toBe(0);
    const retrieved = await retrieve(knowledge, { query: 'refund 30 days', spaces: ['support'], k: 3 });
    expect(retrieved.mode).toBe('keyword');
    expect(retrieved.notice).toMatch(/keyword/i);
    expect(retrieved.results[0]?.text).toContain('30 days');
  });
});

describe('removeDocument', () => {
  it('removes the document, its chunks, keyword entries and vectors', async () => {
    const knowledge = await deps();
    await ingestDocument(knowledge, refunds('Monthly plans can be refunded within 30 days.'));
    expect(await removeDocument(knowledge, 'help/refunds')).toEqual({ chunks: 2 });
    const after = await snapshot();
    expect([after.documents, after.chunks, after.fts, after.vectors, after.garbage]).toEqual([[], [], [], [], []]);
    expect(await removeDocument(knowledge, 'help/refunds')).toBeUndefined();
  });
});
