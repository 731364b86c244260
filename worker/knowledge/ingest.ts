import type { DocumentInput, IngestResult } from '../../shared/knowledge';
import type { VectorIndex, VectorRecord } from '../ports/vector-index';
import { VectorIndexError, vectorLimits } from '../ports/vector-index';
import { CHUNKER_VERSION, chunkMarkdown, chunkPlainText } from './chunk';
import { type Embedder, embeddingInput, NO_EMBEDDINGS } from './embed';
import { sha256Hex } from './hash';
import {
  type ChunkRow,
  deleteDocument,
  forgetGarbage,
  getDocument,
  markPending,
  replaceDocument,
  type StoredDocument,
  sweepableGarbage,
} from './store';
import { toMarkdown } from './to-markdown';

/** What ingestion and retrieval run against; routes build it from the environment, tests may wrap it. */
export interface KnowledgeDeps {
  db: D1Database;
  index: VectorIndex;
  embedder: Embedder | undefined;
}

export interface IngestTimings {
  /** Milliseconds in the embedding model. */
  embedMs: number;
  /** Milliseconds chunking, hashing and writing (everything but embedding). */
  writeMs: number;
}

/** A document with no text at all: refused before anything is written. */
export class EmptyDocumentError extends Error {
  override readonly name = 'EmptyDocumentError';
}

/** The embedding model failed: nothing was written, the stored version is intact. */
export class EmbeddingFailedError extends Error {
  override readonly name = 'EmbeddingFailedError';
}

/**
 * The id already names a document in another space and the request did not say `move`: refused before
 * anything is written. A space is who may read a passage, so an id reused by mistake (two folders with the
 * same relative path, a CMS id shared by two sites) must not quietly carry a document across that boundary.
 */
export class DocumentSpaceConflictError extends Error {
  override readonly name = 'DocumentSpaceConflictError';
  constructor(
    readonly id: string,
    readonly storedSpace: string,
    readonly requestedSpace: string,
  ) {
    super(
      `Document "${id}" is stored in space "${storedSpace}", not "${requestedSpace}". ` +
        'Send "move": true to move it (npm run ingest -- --move), or give this document another id.',
    );
  }
}

/** Pending vector ids older than this belong to an ingest that has certainly ended (failed). */
const PENDING_GRACE_MS = 15 * 60_000;

/**
 * Adds or replaces a document. Order matters for "never half old, half new; nothing orphaned":
 *  1. hash the content (with the chunker version and embedding model): unchanged → write nothing;
 *  2. chunk and embed (may fail: nothing written yet);
 *  3. record the new vector ids as `pending` garbage, then upsert the vectors. Chunk ids are versioned, so
 *     new vectors never overwrite the ones the stored version uses, and searches keep seeing the old one;
 *  4. one D1 transaction swaps the chunks (and with them the keyword index, via triggers) and clears the
 *     pending mark. Vector matches are read through D1 chunks, so the swap is the moment search changes;
 *  5. delete the replaced vectors. A failure in 3–5 leaves at worst garbage that the next sweep removes.
 */
export async function ingestDocument(
  deps: KnowledgeDeps,
  input: DocumentInput,
): Promise<IngestResult & { timings: IngestTimings }> {
  const started = Date.now();
  const markdown = toMarkdown(input);
  // Plain text is never read as Markdown: its "# " lines are text, not headings.
  const plain = input.text !== undefined;
  const embeddingModel = deps.embedder?.id ?? NO_EMBEDDINGS;
  const contentHash = await sha256Hex(
    JSON.stringify([
      CHUNKER_VERSION,
      input.space,
      input.title,
      input.url ?? null,
      markdown,
      // Only plain text changes hash: the same words sent as text and as Markdown chunk differently, while
      // every Markdown and HTML document keeps its hash (no needless re-embedding after this change).
      ...(plain ? ['text'] : []),
    ]),
  );
  const existing = await getDocument(deps.db, input.id);
  if (existing && existing.space !== input.space && input.move !== true) {
    throw new DocumentSpaceConflictError(input.id, existing.space, input.space);
  }
  if (existing && existing.contentHash === contentHash && existing.embeddingModel === embeddingModel) {
    return {
      id: input.id,
      space: existing.space,
      status: 'unchanged',
      chunks: existing.chunkCount,
      embedded: embeddingModel !== NO_EMBEDDINGS,
      timings: { embedMs: 0, writeMs: Date.now() - started },
    };
  }

  const pieces = plain ? chunkPlainText(markdown) : chunkMarkdown(markdown);
  if (pieces.length === 0) throw new EmptyDocumentError('The document has no text to index.');
  const version = await sha256Hex(`${input.id}\n${contentHash}\n${embeddingModel}`);
  const chunks: ChunkRow[] = pieces.map((piece) => ({
    // Versioned ids (≤ 64 bytes for Vectorize): a new version never overwrites the vectors of the live one.
    id: `${version.slice(0, 24)}-${piece.position}`,
    documentId: input.id,
    space: input.space,
    position: piece.position,
    section: piece.section,
    title: input.title,
    heading: piece.heading,
    text: piece.text,
  }));

  let embedMs = 0;
  if (deps.embedder) {
    const embedStarted = Date.now();
    let vectors: number[][];
    try {
      vectors = await deps.embedder.embed(chunks.map(embeddingInput));
    } catch (error) {
      throw new EmbeddingFailedError('The embedding model failed; the document was not changed.', { cause: error });
    }
    embedMs = Date.now() - embedStarted;
    const ids = chunks.map((chunk) => chunk.id);
    await markPending(deps.db, ids);
    const records: VectorRecord[] = chunks.map((chunk, index) => ({
      id: chunk.id,
      values: vectors[index] as number[],
      metadata: { documentId: chunk.documentId, space: chunk.space },
    }));
    try {
      for (let start = 0; start < records.length; start += vectorLimits.maxBatch) {
        await deps.index.upsert(records.slice(start, start + vectorLimits.maxBatch));
      }
    } catch (error) {
      // Nothing in D1 changed yet; vectors written before the failure are marked pending (swept later).
      if (error instanceof VectorIndexError) throw error;
      throw new VectorIndexError(`The vector index did not accept the document's vectors (${String(error)}).`, {
        cause: error,
      });
    }
  }

  const now = new Date().toISOString();
  const document: StoredDocument = {
    id: input.id,
    space: input.space,
    title: input.title,
    url: input.url ?? null,
    contentHash,
    embeddingModel,
    chunkCount: chunks.length,
    updatedAt: input.updatedAt ?? null,
    ingestedAt: now,
  };
  try {
    await deps.db.batch(replaceDocument(deps.db, document, chunks));
  } catch (error) {
    // The transaction rolled back: the stored version is intact. Take the new vectors back out now rather
    // than at the next sweep (if this fails too, they stay marked pending and the sweep gets them).
    if (deps.embedder)
      await discardVectors(
        deps,
        chunks.map((chunk) => chunk.id),
      );
    throw error;
  }
  await sweepGarbage(deps);

  return {
    id: input.id,
    space: input.space,
    status: existing ? 'updated' : 'created',
    chunks: chunks.length,
    embedded: deps.embedder !== undefined,
    timings: { embedMs, writeMs: Date.now() - started - embedMs },
  };
}

/** Removes a document, its chunks (and keyword entries) in one transaction, then its vectors. */
export async function removeDocument(deps: KnowledgeDeps, id: string): Promise<{ chunks: number } | undefined> {
  const existing = await getDocument(deps.db, id);
  if (!existing) return undefined;
  await deps.db.batch(deleteDocument(deps.db, id));
  await sweepGarbage(deps);
  return { chunks: existing.chunkCount };
}

async function discardVectors(deps: KnowledgeDeps, ids: string[]): Promise<void> {
  try {
    for (let start = 0; start < ids.length; start += vectorLimits.maxBatch) {
      await deps.index.deleteByIds(ids.slice(start, start + vectorLimits.maxBatch));
    }
    await forgetGarbage(deps.db, ids);
  } catch (error) {
    console.warn(JSON.stringify({ event: 'vector_discard_failed', error: String(error) }));
  }
}

/**
 * Deletes garbage vectors. Best effort: a failure is logged and the ids stay in `vector_garbage` for the
 * next sweep; the stale vectors are harmless meanwhile, because retrieval only returns chunks D1 has.
 */
export async function sweepGarbage(deps: KnowledgeDeps, now = new Date()): Promise<number> {
  try {
    const ids = await sweepableGarbage(deps.db, new Date(now.getTime() - PENDING_GRACE_MS), vectorLimits.maxBatch);
    if (ids.length === 0) return 0;
    await deps.index.deleteByIds(ids);
    await forgetGarbage(deps.db, ids);
    return ids.length;
  } catch (error) {
    console.warn(JSON.stringify({ event: 'vector_sweep_failed', error: String(error) }));
    return 0;
  }
}
