import {
  KNOWLEDGE_METADATA_INDEXES,
  type VectorIndex,
  VectorIndexError,
  type VectorIndexInfo,
  type VectorMatch,
  type VectorMetadata,
  type VectorQueryOptions,
  type VectorRecord,
  vectorLimits,
} from '../../ports/vector-index';
import { checkIds, checkQuery, checkUpsert, checkValues } from '../vector-rules';
import { compileFilter } from './vector-filter';

/**
 * The local stand-in for Vectorize: exact cosine search over vectors stored in D1.
 *
 * Why D1 and not a SQLite Durable Object: the vectors then live in the same database as the chunks and
 * the keyword index, so `wrangler d1 migrations apply` creates everything, `wrangler d1 execute` can
 * inspect it, the tests get it through the same D1 binding (no extra class export or DO binding in
 * wrangler.toml), and `wrangler dev` persists it with the rest of the local state. A DO would keep the
 * matrix in one place, but every query would pay an RPC hop and a copy of the query result; here each
 * isolate keeps its own in-memory copy and checks one row per query to know whether it is stale.
 *
 * Exact search over 10,000 vectors needs them in memory: each isolate caches a Float32Array matrix keyed
 * by the `generation` row, which every write changes (to a random id, in the same transaction). Memory is
 * 4 bytes × dimensions × vectors: 10 MB at 10,000 × 256, 61 MB at 10,000 × 1,536 — set
 * EMBEDDING_DIMENSIONS (e.g. 512) for large local indexes.
 */

interface Snapshot {
  generation: string;
  dimensions: number;
  ids: string[];
  namespaces: (string | undefined)[];
  metadata: (VectorMetadata | undefined)[];
  /** Row-major, `dimensions` floats per vector. */
  matrix: Float32Array;
  /** 1 / ‖v‖ per vector (0 for a zero vector), so a query costs one dot product per vector. */
  inverseNorms: Float32Array;
}

// Keyed by generation, which identifies the index content across databases (a random id per write; the
// migration's 'empty' only ever names an empty index). Two entries cover tests that switch databases.
const snapshots = new Map<string, Promise<Snapshot>>();
const MAX_SNAPSHOTS = 2;

const PARAMETERS_PER_STATEMENT = 90; // D1 allows 100 bound parameters per statement.

function encodeVector(values: ArrayLike<number>): string {
  const bytes = new Uint8Array(Float32Array.from(values as ArrayLike<number>).buffer);
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 8192) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 8192));
  }
  return btoa(binary);
}

function decodeInto(base64: string, target: Float32Array, offset: number, dimensions: number): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(dimensions * 4);
  for (let index = 0; index < bytes.length; index++) bytes[index] = binary.charCodeAt(index);
  target.set(new Float32Array(bytes.buffer), offset);
}

function decodeVector(base64: string): number[] {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < bytes.length; index++) bytes[index] = binary.charCodeAt(index);
  return Array.from(new Float32Array(bytes.buffer));
}

function parseMetadata(text: unknown): VectorMetadata | undefined {
  return typeof text === 'string' && text.length > 0 ? (JSON.parse(text) as VectorMetadata) : undefined;
}

function chunked<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

export interface LocalVectorIndexOptions {
  /** Fixes the dimension; otherwise the first upsert into an empty index sets it, as index creation does. */
  dimensions?: number;
  /** Fields with a "metadata index": the only ones a filter may use (Vectorize's rule). */
  metadataIndexes?: readonly string[];
}

export class LocalVectorIndex implements VectorIndex {
  readonly kind = 'local' as const;
  private readonly indexed: readonly string[];

  constructor(
    private readonly db: D1Database,
    private readonly options: LocalVectorIndexOptions = {},
  ) {
    this.indexed = options.metadataIndexes ?? KNOWLEDGE_METADATA_INDEXES;
  }

  private async state(): Promise<{ dimensions: number | undefined; generation: string }> {
    const row = await this.db
      .prepare('SELECT dimensions, generation FROM vector_state WHERE singleton = 1')
      .first<{ dimensions: number | null; generation: string }>();
    if (!row) throw new VectorIndexError('The local vector index is missing: apply the D1 migrations.');
    return { dimensions: row.dimensions ?? this.options.dimensions, generation: row.generation };
  }

  async upsert(vectors: VectorRecord[]): Promise<{ count: number }> {
    const { dimensions } = await this.state();
    checkUpsert(vectors, dimensions);
    const width = vectors[0]?.values.length ?? 0;
    const statements = vectors.map((vector) =>
      this.db
        .prepare(
          `INSERT INTO vector_entries (id, namespace, vector, metadata) VALUES (?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET namespace = excluded.namespace, vector = excluded.vector, metadata = excluded.metadata`,
        )
        .bind(
          vector.id,
          vector.namespace ?? null,
          encodeVector(vector.values),
          vector.metadata ? JSON.stringify(vector.metadata) : null,
        ),
    );
    statements.push(
      this.db
        .prepare('UPDATE vector_state SET dimensions = COALESCE(dimensions, ?), generation = ? WHERE singleton = 1')
        .bind(width, crypto.randomUUID()),
    );
    await this.db.batch(statements);
    return { count: vectors.length };
  }

  async deleteByIds(ids: string[]): Promise<{ count: number }> {
    checkIds(ids, vectorLimits.maxBatch, 'deleteByIds');
    if (ids.length === 0) return { count: 0 };
    const statements = chunked([...new Set(ids)], PARAMETERS_PER_STATEMENT).map((group) =>
      this.db.prepare(`DELETE FROM vector_entries WHERE id IN (${group.map(() => '?').join(',')})`).bind(...group),
    );
    statements.push(
      this.db.prepare('UPDATE vector_state SET generation = ? WHERE singleton = 1').bind(crypto.randomUUID()),
    );
    const results = await this.db.batch(statements);
    const count = results.slice(0, -1).reduce((sum, result) => sum + (result.meta.changes ?? 0), 0);
    return { count };
  }

  async getByIds(ids: string[]): Promise<VectorRecord[]> {
    checkIds(ids, vectorLimits.maxBatch, 'getByIds');
    const records: VectorRecord[] = [];
    for (const group of chunked([...new Set(ids)], PARAMETERS_PER_STATEMENT)) {
      const { results } = await this.db
        .prepare(
          `SELECT id, namespace, vector, metadata FROM vector_entries WHERE id IN (${group.map(() => '?').join(',')})`,
        )
        .bind(...group)
        .all<{ id: string; namespace: string | null; vector: string; metadata: string | null }>();
      for (const row of results) {
        const metadata = parseMetadata(row.metadata);
        records.push({
          id: row.id,
          values: decodeVector(row.vector),
          ...(row.namespace !== null ? { namespace: row.namespace } : {}),
          ...(metadata ? { metadata } : {}),
        });
      }
    }
    return records;
  }

  async query(vector: number[] | Float32Array, options: VectorQueryOptions = {}): Promise<{ matches: VectorMatch[] }> {
    const topK = checkQuery(options, this.indexed);
    const snapshot = await this.snapshot();
    if (snapshot.ids.length === 0) {
      checkValues(vector, this.options.dimensions, 'The query vector');
      return { matches: [] };
    }
    checkValues(vector, snapshot.dimensions, 'The query vector');

    const { dimensions, matrix, inverseNorms } = snapshot;
    const query = Float32Array.from(vector);
    let norm = 0;
    for (let j = 0; j < dimensions; j++) norm += (query[j] as number) ** 2;
    const inverseQueryNorm = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const accepts = compileFilter(options.filter);

    // A sorted array of the best topK (≤ 100): cheaper than a heap at these sizes.
    const best: { index: number; score: number }[] = [];
    for (let i = 0; i < snapshot.ids.length; i++) {
      if (options.namespace !== undefined && snapshot.namespaces[i] !== options.namespace) continue;
      if (!accepts(snapshot.metadata[i])) continue;
      let dot = 0;
      const base = i * dimensions;
      for (let j = 0; j < dimensions; j++) dot += (matrix[base + j] as number) * (query[j] as number);
      const score = dot * (inverseNorms[i] as number) * inverseQueryNorm;
      if (best.length === topK && score <= (best[topK - 1] as { score: number }).score) continue;
      let position = best.length;
      while (position > 0 && (best[position - 1] as { score: number }).score < score) position--;
      best.splice(position, 0, { index: i, score });
      if (best.length > topK) best.pop();
    }

    const level = options.returnMetadata ?? 'none';
    return {
      matches: best.map(({ index, score }) => {
        const match: VectorMatch = { id: snapshot.ids[index] as string, score };
        const namespace = snapshot.namespaces[index];
        if (namespace !== undefined) match.namespace = namespace;
        if (options.returnValues) {
          match.values = Array.from(matrix.subarray(index * dimensions, (index + 1) * dimensions));
        }
        const metadata = snapshot.metadata[index];
        if (metadata && level === 'all') match.metadata = { ...metadata };
        if (metadata && level === 'indexed') {
          match.metadata = Object.fromEntries(Object.entries(metadata).filter(([key]) => this.indexed.includes(key)));
        }
        return match;
      }),
    };
  }

  async describe(): Promise<VectorIndexInfo> {
    const [{ dimensions }, count] = await Promise.all([
      this.state(),
      this.db.prepare('SELECT COUNT(*) AS count FROM vector_entries').first<{ count: number }>(),
    ]);
    return { dimensions, vectorCount: count?.count ?? 0 };
  }

  /** The in-memory copy for the current generation, loaded at most once per generation per isolate. */
  private async snapshot(): Promise<Snapshot> {
    const { generation, dimensions } = await this.state();
    let pending = snapshots.get(generation);
    if (!pending) {
      pending = this.load(generation, dimensions);
      snapshots.set(generation, pending);
      pending.catch(() => snapshots.delete(generation));
      while (snapshots.size > MAX_SNAPSHOTS) snapshots.delete(snapshots.keys().next().value as string);
    }
    return pending;
  }

  private async load(generation: string, dimensions: number | undefined): Promise<Snapshot> {
    const rows = await this.db
      .prepare('SELECT id, namespace, vector, metadata FROM vector_entries ORDER BY id')
      .raw<[string, string | null, string, string | null]>();
    const width = dimensions ?? 0;
    const matrix = new Float32Array(rows.length * width);
    const inverseNorms = new Float32Array(rows.length);
    const ids: string[] = new Array(rows.length);
    const namespaces: (string | undefined)[] = new Array(rows.length);
    const metadata: (VectorMetadata | undefined)[] = new Array(rows.length);
    rows.forEach(([id, namespace, vector, meta], i) => {
      ids[i] = id;
      namespaces[i] = namespace ?? undefined;
      metadata[i] = parseMetadata(meta);
      decodeInto(vector, matrix, i * width, width);
      let norm = 0;
      for (let j = i * width; j < (i + 1) * width; j++) norm += (matrix[j] as number) ** 2;
      inverseNorms[i] = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    });
    return { generation, dimensions: width, ids, namespaces, metadata, matrix, inverseNorms };
  }
}
