/**
 * The knowledge tables in D1 (migrations/0001_knowledge.sql): every SQL statement about documents and
 * chunks lives here. Writes are returned as statements so that callers put them in one `batch()`, which
 * D1 runs as a single transaction.
 */

export interface StoredDocument {
  id: string;
  space: string;
  title: string;
  url: string | null;
  contentHash: string;
  embeddingModel: string;
  chunkCount: number;
  updatedAt: string | null;
  ingestedAt: string;
}

export interface ChunkRow {
  id: string;
  documentId: string;
  space: string;
  position: number;
  section: number;
  title: string;
  heading: string;
  text: string;
}

/** A chunk as search returns it (with its document's URL). */
export interface ChunkHit extends ChunkRow {
  url: string | null;
}

const PARAMETERS = 90; // D1 allows 100 bound parameters per statement.

export const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(',');

/**
 * A list of any length as ONE bound parameter: `x IN ${IN_JSON_LIST}` bound to `JSON.stringify(list)`. One `?`
 * per item breaks past D1's 100 variables (a person who reads a few hundred spaces got a 500 on every search);
 * `json_each` keeps the filter inside the SQL, before any LIMIT, whatever the list's length.
 */
export const IN_JSON_LIST = '(SELECT value FROM json_each(?))';

const DOCUMENT_COLUMNS = `id, space, title, url, content_hash AS contentHash, embedding_model AS embeddingModel,
  chunk_count AS chunkCount, updated_at AS updatedAt, ingested_at AS ingestedAt`;

export const HIT_COLUMNS = `c.id AS id, c.document_id AS documentId, c.space AS space, c.position AS position,
  c.section AS section, c.title AS title, c.heading AS heading, c.text AS text, d.url AS url`;

export async function getDocument(db: D1Database, id: string): Promise<StoredDocument | undefined> {
  const row = await db
    .prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = ?`)
    .bind(id)
    .first<StoredDocument>();
  return row ?? undefined;
}

/** Documents in `spaces` (every document when `spaces` is undefined), by id, `limit` after `after`. */
export async function listDocuments(
  db: D1Database,
  options: { spaces?: string[] | undefined; after?: string | undefined; limit: number },
): Promise<StoredDocument[]> {
  const { spaces } = options;
  if (spaces?.length === 0) return [];
  const inSpaces = spaces ? `AND space IN ${IN_JSON_LIST}` : '';
  const { results } = await db
    .prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id > ? ${inSpaces} ORDER BY id LIMIT ?`)
    .bind(options.after ?? '', ...(spaces ? [JSON.stringify(spaces)] : []), options.limit)
    .all<StoredDocument>();
  return results;
}

/**
 * Replaces a document and all its chunks. The current chunks' ids are moved to `vector_garbage` inside the
 * transaction (read there, not before, so a concurrent update cannot slip chunks past the cleanup), and the
 * new chunks' `pending` ids are cleared: after commit, exactly the old vectors are garbage.
 */
export function replaceDocument(db: D1Database, document: StoredDocument, chunks: ChunkRow[]): D1PreparedStatement[] {
  const now = new Date().toISOString();
  const statements = [
    db
      .prepare(
        `INSERT INTO vector_garbage (id, reason, created_at) SELECT id, 'replaced', ? FROM chunks WHERE document_id = ?
         ON CONFLICT (id) DO UPDATE SET reason = 'replaced', created_at = excluded.created_at`,
      )
      .bind(now, document.id),
    db.prepare('DELETE FROM chunks WHERE document_id = ?').bind(document.id),
    db
      .prepare(
        `INSERT INTO documents (id, space, title, url, content_hash, embedding_model, chunk_count, updated_at, ingested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET space = excluded.space, title = excluded.title, url = excluded.url,
           content_hash = excluded.content_hash, embedding_model = excluded.embedding_model,
           chunk_count = excluded.chunk_count, updated_at = excluded.updated_at, ingested_at = excluded.ingested_at`,
      )
      .bind(
        document.id,
        document.space,
        document.title,
        document.url,
        document.contentHash,
        document.embeddingModel,
        document.chunkCount,
        document.updatedAt,
        document.ingestedAt,
      ),
  ];
  const rowsPerStatement = Math.floor(PARAMETERS / 8);
  for (let start = 0; start < chunks.length; start += rowsPerStatement) {
    const group = chunks.slice(start, start + rowsPerStatement);
    statements.push(
      db
        .prepare(
          `INSERT INTO chunks (id, document_id, space, position, section, title, heading, text) VALUES ${group
            .map(() => '(?, ?, ?, ?, ?, ?, ?, ?)')
            .join(', ')}`,
        )
        .bind(
          ...group.flatMap((chunk) => [
            chunk.id,
            chunk.documentId,
            chunk.space,
            chunk.position,
            chunk.section,
            chunk.title,
            chunk.heading,
            chunk.text,
          ]),
        ),
    );
  }
  statements.push(
    db
      .prepare('DELETE FROM vector_garbage WHERE id IN (SELECT id FROM chunks WHERE document_id = ?)')
      .bind(document.id),
  );
  return statements;
}

/** Deletes a document; its chunks' vectors become garbage in the same transaction. */
export function deleteDocument(db: D1Database, id: string): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO vector_garbage (id, reason, created_at) SELECT id, 'replaced', ? FROM chunks WHERE document_id = ?
         ON CONFLICT (id) DO UPDATE SET reason = 'replaced'`,
      )
      .bind(new Date().toISOString(), id),
    db.prepare('DELETE FROM chunks WHERE document_id = ?').bind(id),
    db.prepare('DELETE FROM documents WHERE id = ?').bind(id),
  ];
}

/** Records vector ids about to be upserted, before the upsert: if what follows fails, they are swept later. */
export async function markPending(db: D1Database, ids: string[]): Promise<void> {
  const now = new Date().toISOString();
  const statements: D1PreparedStatement[] = [];
  for (let start = 0; start < ids.length; start += PARAMETERS / 2) {
    const group = ids.slice(start, start + PARAMETERS / 2);
    statements.push(
      db
        .prepare(
          `INSERT INTO vector_garbage (id, reason, created_at) VALUES ${group.map(() => `(?, 'pending', ?)`).join(', ')}
           ON CONFLICT (id) DO NOTHING`,
        )
        .bind(...group.flatMap((id) => [id, now])),
    );
  }
  if (statements.length > 0) await db.batch(statements);
}

/**
 * Garbage that is safe to delete from the vector index now: replaced vectors, and pending ones old enough
 * that their ingest has certainly ended. Never an id a chunk still uses.
 */
export async function sweepableGarbage(db: D1Database, pendingOlderThan: Date, limit: number): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id FROM vector_garbage g
       WHERE (reason = 'replaced' OR created_at < ?) AND NOT EXISTS (SELECT 1 FROM chunks c WHERE c.id = g.id)
       LIMIT ?`,
    )
    .bind(pendingOlderThan.toISOString(), limit)
    .all<{ id: string }>();
  return results.map((row) => row.id);
}

export async function forgetGarbage(db: D1Database, ids: string[]): Promise<void> {
  const statements: D1PreparedStatement[] = [];
  for (let start = 0; start < ids.length; start += PARAMETERS) {
    const group = ids.slice(start, start + PARAMETERS);
    statements.push(
      db.prepare(`DELETE FROM vector_garbage WHERE id IN (${placeholders(group.length)})`).bind(...group),
    );
  }
  if (statements.length > 0) await db.batch(statements);
}

/** Chunks by id, only in `spaces` (the permission check, in SQL), with their document's URL. */
export async function chunksByIds(db: D1Database, ids: string[], spaces: string[]): Promise<ChunkHit[]> {
  if (ids.length === 0 || spaces.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT ${HIT_COLUMNS} FROM chunks c JOIN documents d ON d.id = c.document_id
       WHERE c.id IN ${IN_JSON_LIST} AND c.space IN ${IN_JSON_LIST}`,
    )
    .bind(JSON.stringify(ids), JSON.stringify(spaces))
    .all<ChunkHit>();
  return results;
}
