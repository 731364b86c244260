import {
  KNOWLEDGE_METADATA_INDEXES,
  type VectorIndex,
  type VectorIndexInfo,
  type VectorMatch,
  type VectorMetadata,
  type VectorQueryOptions,
  type VectorRecord,
  vectorLimits,
} from '../../ports/vector-index';
import { checkIds, checkQuery, checkUpsert, checkValues } from '../vector-rules';

/**
 * The vector index on Cloudflare: the Vectorize (V2) binding. The port mirrors Vectorize, so this adapter
 * only checks the documented limits first (so misuse fails the same way as locally, before a billed call)
 * and maps types. Vectorize writes are asynchronous (queryable seconds later): retrieval therefore reads
 * chunk text from D1 and drops vector matches whose chunk is gone (worker/knowledge/retrieve.ts).
 */
export class VectorizeIndexAdapter implements VectorIndex {
  readonly kind = 'vectorize' as const;

  constructor(
    private readonly binding: Vectorize,
    private readonly options: { dimensions?: number; metadataIndexes?: readonly string[] } = {},
  ) {}

  async upsert(vectors: VectorRecord[]): Promise<{ count: number }> {
    checkUpsert(vectors, this.options.dimensions);
    await this.binding.upsert(
      vectors.map((vector) => ({
        id: vector.id,
        values: vector.values instanceof Float32Array ? vector.values : Array.from(vector.values),
        ...(vector.namespace !== undefined ? { namespace: vector.namespace } : {}),
        ...(vector.metadata ? { metadata: vector.metadata } : {}),
      })),
    );
    return { count: vectors.length };
  }

  async deleteByIds(ids: string[]): Promise<{ count: number }> {
    checkIds(ids, vectorLimits.maxBatch, 'deleteByIds');
    if (ids.length === 0) return { count: 0 };
    await this.binding.deleteByIds(ids);
    // V2 deletes are asynchronous mutations: the count of ids sent is all that is known.
    return { count: ids.length };
  }

  async getByIds(ids: string[]): Promise<VectorRecord[]> {
    checkIds(ids, vectorLimits.maxBatch, 'getByIds');
    if (ids.length === 0) return [];
    const vectors = await this.binding.getByIds(ids);
    return vectors.map((vector) => ({
      id: vector.id,
      values: Array.from(vector.values),
      ...(vector.namespace ? { namespace: vector.namespace } : {}),
      ...(vector.metadata ? { metadata: vector.metadata as VectorMetadata } : {}),
    }));
  }

  async query(vector: number[] | Float32Array, options: VectorQueryOptions = {}): Promise<{ matches: VectorMatch[] }> {
    const topK = checkQuery(options, this.options.metadataIndexes ?? KNOWLEDGE_METADATA_INDEXES);
    checkValues(vector, this.options.dimensions, 'The query vector');
    const result = await this.binding.query(vector instanceof Float32Array ? vector : Array.from(vector), {
      topK,
      returnValues: options.returnValues ?? false,
      returnMetadata: options.returnMetadata ?? 'none',
      ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
      ...(options.filter ? { filter: options.filter as VectorizeVectorMetadataFilter } : {}),
    });
    return {
      matches: result.matches.map((match) => ({
        id: match.id,
        score: match.score,
        ...(match.namespace ? { namespace: match.namespace } : {}),
        ...(match.values ? { values: Array.from(match.values) } : {}),
        ...(match.metadata ? { metadata: match.metadata as VectorMetadata } : {}),
      })),
    };
  }

  async describe(): Promise<VectorIndexInfo> {
    const info = await this.binding.describe();
    return { dimensions: info.dimensions, vectorCount: info.vectorCount };
  }
}
