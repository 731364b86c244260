/**
 * The vector index port: the subset of Cloudflare Vectorize (V2) that Beside uses, with Vectorize's names
 * and limits, so the Cloudflare adapter is a thin pass-through and the local adapter can be held to the
 * same contract (test/contracts/vector-index.contract.ts).
 */

/** Metadata values that can be stored and filtered (Vectorize cannot filter string arrays; we never store them). */
export type VectorMetadataValue = string | number | boolean;
export type VectorMetadata = Record<string, VectorMetadataValue>;

export interface VectorRecord {
  /** At most 64 bytes (Vectorize's limit). */
  id: string;
  values: number[] | Float32Array;
  namespace?: string;
  metadata?: VectorMetadata;
}

export type ComparisonOperator = '$eq' | '$ne' | '$lt' | '$lte' | '$gt' | '$gte';
export type CollectionOperator = '$in' | '$nin';

/** `{ field: value }` is `$eq`; several fields are ANDed; Vectorize has no OR. */
export type VectorFilter = Record<
  string,
  | VectorMetadataValue
  | null
  | { [Op in ComparisonOperator]?: VectorMetadataValue | null }
  | { [Op in CollectionOperator]?: VectorMetadataValue[] }
>;

export interface VectorQueryOptions {
  /** 1–100; at most 50 when values or all metadata are returned. Defaults to 5, like Vectorize. */
  topK?: number;
  namespace?: string;
  filter?: VectorFilter;
  returnValues?: boolean;
  /** `indexed` returns only the fields that have a metadata index. Defaults to `none`. */
  returnMetadata?: 'none' | 'indexed' | 'all';
}

export interface VectorMatch {
  id: string;
  /** Cosine similarity, higher is closer. */
  score: number;
  namespace?: string;
  values?: number[];
  metadata?: VectorMetadata;
}

export interface VectorIndexInfo {
  dimensions: number | undefined;
  vectorCount: number;
}

export interface VectorIndex {
  /** Which adapter this is, for health output and logs. */
  readonly kind: 'vectorize' | 'local';
  /** At most 1,000 vectors per call (callers batch). Replaces vectors with the same id. */
  upsert(vectors: VectorRecord[]): Promise<{ count: number }>;
  deleteByIds(ids: string[]): Promise<{ count: number }>;
  getByIds(ids: string[]): Promise<VectorRecord[]>;
  query(vector: number[] | Float32Array, options?: VectorQueryOptions): Promise<{ matches: VectorMatch[] }>;
  describe(): Promise<VectorIndexInfo>;
}

/** Vectorize's documented limits, enforced by both adapters so misuse fails the same way locally. */
export const vectorLimits = {
  maxDimensions: 1536,
  maxTopK: 100,
  maxTopKWithValuesOrMetadata: 50,
  maxBatch: 1000,
  maxIdBytes: 64,
  maxNamespaceBytes: 64,
  maxFilterBytes: 2048,
  maxMetadataBytes: 10 * 1024,
} as const;

/** A misuse of the index (bad dimension, limit exceeded, malformed filter): a bug in the caller, never retried. */
export class VectorIndexError extends Error {
  override readonly name = 'VectorIndexError';
}

/** Metadata fields with a metadata index on the Vectorize index (created before any data; see README). */
export const KNOWLEDGE_METADATA_INDEXES = ['space', 'documentId'] as const;
