import { describe, expect, it } from 'vitest';
import { VectorizeIndexAdapter } from './vectorize';

/** A binding that records what the adapter sends and answers like Vectorize V2 does. */
function recordingBinding() {
  const calls: { method: string; args: unknown[] }[] = [];
  const binding = {
    async upsert(...args: unknown[]) {
      calls.push({ method: 'upsert', args });
      return { mutationId: 'm1' };
    },
    async deleteByIds(...args: unknown[]) {
      calls.push({ method: 'deleteByIds', args });
      return { mutationId: 'm2' };
    },
    async getByIds(...args: unknown[]) {
      calls.push({ method: 'getByIds', args });
      return [{ id: 'a', values: new Float32Array([1, 0]), metadata: { space: 'sales' } }];
    },
    async query(...args: unknown[]) {
      calls.push({ method: 'query', args });
      return { count: 1, matches: [{ id: 'a', score: 0.9, metadata: { space: 'sales' } }] };
    },
    async describe() {
      return { dimensions: 2, vectorCount: 7, processedUpToDatetime: 0, processedUpToMutation: 0 };
    },
  };
  return { binding: binding as unknown as Vectorize, calls };
}

describe('VectorizeIndexAdapter', () => {
  it('passes query options through with Vectorize defaults and maps matches', async () => {
    const { binding, calls } = recordingBinding();
    const index = new VectorizeIndexAdapter(binding, { dimensions: 2 });
    const result = await index.query([1, 0], { topK: 8, filter: { space: { $in: ['sales', 'company'] } } });
    expect(calls[0]).toEqual({
      method: 'query',
      args: [
        [1, 0],
        { topK: 8, returnValues: false, returnMetadata: 'none', filter: { space: { $in: ['sales', 'company'] } } },
      ],
    });
    expect(result).toEqual({ matches: [{ id: 'a', score: 0.9, metadata: { space: 'sales' } }] });
  });

  it('upserts ids, values, namespace and metadata unchanged', async () => {
    const { binding, calls } = recordingBinding();
    const index = new VectorizeIndexAdapter(binding);
    expect(await index.upsert([{ id: 'a', values: [0.5, 0.5], namespace: 'n', metadata: { space: 'hr' } }])).toEqual({
      count: 1,
    });
    expect(calls[0]?.args[0]).toEqual([{ id: 'a', values: [0.5, 0.5], namespace: 'n', metadata: { space: 'hr' } }]);
  });

  it('deletes and gets by id, and describes the index', async () => {
    const { binding, calls } = recordingBinding();
    const index = new VectorizeIndexAdapter(binding);
    expect(await index.deleteByIds(['a', 'b'])).toEqual({ count: 2 });
    expect(await index.deleteByIds([])).toEqual({ count: 0 });
    expect(calls.filter((call) => call.method === 'deleteByIds')).toHaveLength(1);
    expect(await index.getByIds(['a'])).toEqual([{ id: 'a', values: [1, 0], metadata: { space: 'sales' } }]);
    expect(await index.describe()).toEqual({ dimensions: 2, vectorCount: 7 });
  });
});
