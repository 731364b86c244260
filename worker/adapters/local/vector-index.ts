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
  /**
   * Row-major, `dimensions` floats per vector, each scaled to unit length when loaded (a zero vector stays
   * zero): cosine is then one dot product. `returnValues` reads the stored values from D1 instead.
   */
  unit: Float32Array;
  /**
   * Rows a (namespace, filter) accepts, computed once per snapshot: a query then scans only the vectors it
   * may return instead of testing every row's metadata. Bounded; the knowledge search uses one per set of
   * readable spaces.
   */
  rowsByFilter: Map<string, Int32Array>;
}

const MAX_CACHED_FILTERS = 32;

/** Indices of the rows that `namespace` and `filter` accept (all rows when neither is given). */
function acceptedRows(snapshot: Snapshot, options: VectorQueryOptions): Int32Array {
  const key = JSON.stringify([options.namespace ?? null, options.filter ?? null]);
  const cached = snapshot.rowsByFilter.get(key);
  if (cached) return cached;
  const accepts = compileFilter(options.filter);
  const rows: number[] = [];
  for (let i = 0; i < snapshot.ids.length; i++) {
    if (options.namespace !== undefined && snapshot.namespaces[i] !== options.namespace) continue;
    if (accepts(snapshot.metadata[i])) rows.push(i);
  }
  const accepted = Int32Array.from(rows);
  if (snapshot.rowsByFilter.size >= MAX_CACHED_FILTERS) {
    snapshot.rowsByFilter.delete(snapshot.rowsByFilter.keys().next().value as string);
  }
  snapshot.rowsByFilter.set(key, accepted);
  return accepted;
}

/**
 * The `topK` best rows by dot product with `query` (unit length), best first. One tight pass computes the
 * scores; a sorted array of at most topK (≤ 100) entries, entered only by a score above its current floor,
 * keeps the best: far fewer moves than sorting every score.
 */
function topByDot(
  unit: Float32Array,
  dimensions: number,
  rows: Int32Array,
  query: Float32Array,
  topK: number,
): { index: number; score: number }[] {
  const best: { index: number; score: number }[] = [];
  let floor = Number.NEGATIVE_INFINITY;
  const tail = dimensions - (dimensions % 4);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as number;
    const base = row * dimensions;
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    let j = 0;
    for (; j < tail; j += 4) {
      a += (unit[base + j] as number) * (query[j] as number);
      b += (unit[base + j + 1] as number) * (query[j + 1] as number);
      c += (unit[base + j + 2] as number) * (query[j + 2] as number);
      d += (unit[base + j + 3] as number) * (query[j + 3] as number);
    }
    for (; j < dimensions; j++) a += (unit[base + j] as number) * (query[j] as number);
    const score = a + b + c + d;
    if (best.length === topK && score <= floor) continue;
    let position = best.length;
    while (position > 0 && (best[position - 1] as { score: number }).score < score) position--;
    best.splice(position, 0, { index: row, score });
    if (best.length > topK) best.pop();
    if (best.length === topK) floor = (best[topK - 1] as { score: number }).score;
  }
  return best;
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

    const { dimensions } = snapshot;
    const query = Float32Array.from(vector);
    let norm = 0;
    for (let j = 0; j < dimensions; j++) norm += (query[j] as number) ** 2;
    const inverseQueryNorm = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < dimensions; j++) query[j] = (query[j] as number) * inverseQueryNorm;
    const best = topByDot(snapshot.unit, dimensions, acceptedRows(snapshot, options), query, topK);

    const level = options.returnMetadata ?? 'none';
    // Values are asked for rarely (topK ≤ 50 then): read exactly as stored rather than keeping a second matrix.
    const values = options.returnValues
      ? new Map(
          (await this.getByIds(best.map(({ index }) => snapshot.ids[index] as string))).map((record) => [
            record.id,
            record.values,
          ]),
        )
      : undefined;
    return {
      matches: best.map(({ index, score }) => {
        const match: VectorMatch = { id: snapshot.ids[index] as string, score };
        const namespace = snapshot.namespaces[index];
        if (namespace !== undefined) match.namespace = namespace;
        const stored = values?.get(match.id);
        if (stored) match.values = Array.from(stored);
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
    const unit = new Float32Array(rows.length * width);
    const ids: string[] = new Array(rows.length);
    const namespaces: (string | undefined)[] = new Array(rows.length);
    const metadata: (VectorMetadata | undefined)[] = new Array(rows.length);
    rows.forEach(([id, namespace, vector, meta], i) => {
      ids[i] = id;
      namespaces[i] = namespace ?? undefined;
      metadata[i] = parseMetadata(meta);
      decodeInto(vector, unit, i * width, width);
      let norm = 0;
      for (let j = i * width; j < (i + 1) * width; j++) norm += (unit[j] as number) ** 2;
      const inverseNorm = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let j = i * width; j < (i + 1) * width; j++) unit[j] = (unit[j] as number) * inverseNorm;
    });
    return { generation, dimensions: width, ids, namespaces, metadata, unit, rowsByFilter: new Map() };
  }
}
