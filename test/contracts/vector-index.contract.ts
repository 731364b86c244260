import { describe, expect, it } from 'vitest';
import { type VectorIndex, VectorIndexError, type VectorRecord } from '../../worker/ports/vector-index';

/**
 * The contract of the vector index port (worker/ports/vector-index.ts): Vectorize's documented behaviour
 * that Beside relies on. Every adapter runs the `validation` part (misuse fails before anything is stored
 * or sent); adapters that actually store and search run the `search` part too.
 */

export const CONTRACT_DIMENSIONS = 4;
export const CONTRACT_METADATA_INDEXES = ['space', 'documentId', 'rank', 'published'] as const;

export interface ContractSubject {
  /** A fresh, empty index with CONTRACT_DIMENSIONS dimensions and CONTRACT_METADATA_INDEXES. */
  create(): Promise<VectorIndex>;
  /** A second adapter instance over the same storage, as after a restart; for persistent adapters. */
  reopen?(): Promise<VectorIndex>;
  /** Which parts apply. */
  parts: { validation: true; search: boolean };
}

const vector = (id: string, values: number[], extra: Partial<VectorRecord> = {}): VectorRecord => ({
  id,
  values,
  ...extra,
});

async function rejects(promise: Promise<unknown>, message: RegExp) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(VectorIndexError);
  expect((error as Error).message).toMatch(message);
}

export function describeVectorIndexContract(name: string, subject: ContractSubject) {
  describe(`vector index contract: ${name}`, () => {
    describe('validation', () => {
      it('refuses more than 1,000 vectors in one upsert, and an empty one', async () => {
        const index = await subject.create();
        const many = Array.from({ length: 1_001 }, (_, i) => vector(`v${i}`, [1, 0, 0, 0]));
        await rejects(index.upsert(many), /1,000/);
        await rejects(index.upsert([]), /at least one/);
      });

      it('refuses ids over 64 bytes, duplicate ids and non-finite values', async () => {
        const index = await subject.create();
        await rejects(index.upsert([vector('é'.repeat(33), [1, 0, 0, 0])]), /64 bytes/);
        await rejects(index.upsert([vector('a', [1, 0, 0, 0]), vector('a', [0, 1, 0, 0])]), /twice/);
        await rejects(index.upsert([vector('a', [1, Number.NaN, 0, 0])]), /non-finite/);
      });

      it('refuses vectors and queries of the wrong dimension', async () => {
        const index = await subject.create();
        await rejects(index.upsert([vector('a', [1, 0, 0])]), /3 dimensions but the index has 4/);
        await rejects(index.query([1, 0, 0, 0, 0]), /5 dimensions but the index has 4/);
        await rejects(index.upsert([vector('a', new Array(1_537).fill(0.1))]), /at most 1,536/);
      });

      it('limits topK to 100, and to 50 with values or all metadata', async () => {
        const index = await subject.create();
        await rejects(index.query([1, 0, 0, 0], { topK: 0 }), /topK/);
        await rejects(index.query([1, 0, 0, 0], { topK: 101 }), /1 to 100/);
        await rejects(index.query([1, 0, 0, 0], { topK: 51, returnValues: true }), /1 to 50/);
        await rejects(index.query([1, 0, 0, 0], { topK: 51, returnMetadata: 'all' }), /1 to 50/);
        await rejects(index.query([1, 0, 0, 0], { topK: 2.5 }), /integer/);
      });

      it('refuses malformed filters with a clear message', async () => {
        const index = await subject.create();
        const query = (filter: unknown) => index.query([1, 0, 0, 0], { filter: filter as never });
        await rejects(query({ $or: [{ space: 'a' }] }), /no top-level operators/);
        await rejects(query({ color: 'red' }), /no metadata index/);
        await rejects(query({ space: { $like: 'a%' } }), /Unknown filter operator \$like/);
        await rejects(query({ space: { $in: [] } }), /non-empty array/);
        await rejects(query({ space: { $eq: ['a'] } }), /string, number, boolean or null/);
        await rejects(query({ space: { $in: Array.from({ length: 300 }, (_, i) => `space-${i}`) } }), /2,048 bytes/);
      });

      it('refuses more than 1,000 ids per delete', async () => {
        const index = await subject.create();
        await rejects(index.deleteByIds(Array.from({ length: 1_001 }, (_, i) => `v${i}`)), /at most 1000 ids/);
      });
    });

    if (!subject.parts.search) return;

    describe('search', () => {
      const corpus: VectorRecord[] = [
        vector('north', [1, 0, 0, 0], { metadata: { space: 'sales', documentId: 'd1', rank: 1, published: true } }),
        vector('north-east', [1, 1, 0, 0], {
          metadata: { space: 'sales', documentId: 'd2', rank: 2, published: false },
        }),
        vector('east', [0, 1, 0, 0], { metadata: { space: 'support', documentId: 'd3', rank: 3, published: true } }),
        vector('up', [0, 0, 1, 0], { metadata: { space: 'hr', documentId: 'd4', rank: 4 } }),
        vector('south', [-1, 0, 0, 0], { metadata: { space: 'support', documentId: 'd5', rank: 5, published: true } }),
      ];
      const seeded = async () => {
        const index = await subject.create();
        await index.upsert(corpus);
        return index;
      };
      const ids = (matches: { id: string }[]) => matches.map((match) => match.id);

      it('ranks by cosine similarity, best first, with the score', async () => {
        const index = await seeded();
        const { matches } = await index.query([2, 0.1, 0, 0], { topK: 5 });
        expect(ids(matches)).toEqual(['north', 'north-east', 'east', 'up', 'south']);
        expect(matches[0]?.score).toBeCloseTo(2 / Math.sqrt(4.01), 5);
        expect(matches[4]?.score).toBeCloseTo(-2 / Math.sqrt(4.01), 5);
        const defaultTopK = await index.query([1, 0, 0, 0]);
        expect(defaultTopK.matches).toHaveLength(5);
      });

      it('returns at most topK matches', async () => {
        const index = await seeded();
        expect((await index.query([1, 0, 0, 0], { topK: 2 })).matches).toHaveLength(2);
        expect((await index.query([1, 0, 0, 0], { topK: 100 })).matches).toHaveLength(5);
      });

      it.each([
        [{ space: 'support' }, ['east', 'south']],
        [{ space: { $eq: 'support' } }, ['east', 'south']],
        [{ space: { $ne: 'support' } }, ['north', 'north-east', 'up']],
        [{ space: { $in: ['sales', 'hr'] } }, ['north', 'north-east', 'up']],
        [{ space: { $nin: ['sales', 'hr'] } }, ['east', 'south']],
        [{ rank: { $lt: 3 } }, ['north', 'north-east']],
        [{ rank: { $lte: 3 } }, ['north', 'north-east', 'east']],
        [{ rank: { $gt: 3 } }, ['up', 'south']],
        [{ rank: { $gte: 3 } }, ['east', 'up', 'south']],
        [{ rank: { $gt: 1, $lt: 5 } }, ['north-east', 'east', 'up']],
        [{ space: 'support', published: true }, ['east', 'south']],
        [{ space: { $in: ['sales', 'support'] }, rank: { $gte: 2 }, published: true }, ['east', 'south']],
        [{ published: false }, ['north-east']],
        [{ published: { $ne: true } }, ['north-east', 'up']],
        [{ documentId: { $in: ['nope'] } }, []],
      ])('filters with %j (implicit AND)', async (filter, expected) => {
        const index = await seeded();
        const { matches } = await index.query([1, 0, 0, 0], { topK: 10, filter: filter as never });
        expect(ids(matches).sort()).toEqual([...expected].sort());
      });

      it('keeps namespaces apart', async () => {
        const index = await subject.create();
        await index.upsert([
          vector('a', [1, 0, 0, 0], { namespace: 'tenant-1' }),
          vector('b', [1, 0, 0, 0], { namespace: 'tenant-2' }),
          vector('c', [1, 0, 0, 0]),
        ]);
        expect(ids((await index.query([1, 0, 0, 0], { namespace: 'tenant-1' })).matches)).toEqual(['a']);
        expect(ids((await index.query([1, 0, 0, 0], { namespace: 'tenant-3' })).matches)).toEqual([]);
        expect(ids((await index.query([1, 0, 0, 0])).matches).sort()).toEqual(['a', 'b', 'c']);
      });

      it('returns values and metadata only when asked, indexed fields only for "indexed"', async () => {
        const index = await subject.create();
        await index.upsert([vector('a', [1, 0, 0, 0], { metadata: { space: 'sales', note: 'not indexed' } })]);
        const [bare] = (await index.query([1, 0, 0, 0])).matches;
        expect(bare?.values).toBeUndefined();
        expect(bare?.metadata).toBeUndefined();
        const [all] = (await index.query([1, 0, 0, 0], { returnValues: true, returnMetadata: 'all' })).matches;
        expect(all?.values).toEqual([1, 0, 0, 0]);
        expect(all?.metadata).toEqual({ space: 'sales', note: 'not indexed' });
        const [indexed] = (await index.query([1, 0, 0, 0], { returnMetadata: 'indexed' })).matches;
        expect(indexed?.metadata).toEqual({ space: 'sales' });
      });

      it('replaces a vector upserted again under the same id', async () => {
        const index = await seeded();
        await index.upsert([vector('north', [0, 0, 0, 1], { metadata: { space: 'hr' } })]);
        const { matches } = await index.query([0, 0, 0, 1], { topK: 1, returnMetadata: 'all' });
        expect(matches[0]).toMatchObject({ id: 'north', metadata: { space: 'hr' } });
        expect((await index.describe()).vectorCount).toBe(5);
      });

      it('deletes by id, gets by id and describes itself', async () => {
        const index = await seeded();
        expect(await index.describe()).toEqual({ dimensions: 4, vectorCount: 5 });
        const got = await index.getByIds(['east', 'missing']);
        expect(got).toHaveLength(1);
        expect(got[0]).toMatchObject({ id: 'east', values: [0, 1, 0, 0], metadata: { space: 'support' } });
        expect((await index.deleteByIds(['east', 'south'])).count).toBe(2);
        expect(ids((await index.query([0, 1, 0, 0], { topK: 10 })).matches)).not.toContain('east');
        expect((await index.describe()).vectorCount).toBe(3);
      });

      it('answers an empty index with no matches', async () => {
        const index = await subject.create();
        expect((await index.query([1, 0, 0, 0])).matches).toEqual([]);
      });

      if (subject.reopen) {
        const reopen = subject.reopen;
        it('persists: another instance over the same storage sees every write', async () => {
          const first = await seeded();
          const second = await reopen();
          expect(ids((await second.query([0, 0, 1, 0], { topK: 1 })).matches)).toEqual(['up']);
          await second.upsert([vector('new', [0, 0, 0, 1])]);
          // The first instance's in-memory copy must notice the other's write.
          expect(ids((await first.query([0, 0, 0, 1], { topK: 1 })).matches)).toEqual(['new']);
          await second.deleteByIds(['new']);
          expect(ids((await first.query([0, 0, 0, 1], { topK: 1 })).matches)).not.toContain('new');
        });
      }
    });
  });
}
