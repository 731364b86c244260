-- Company knowledge: documents, their chunks, the keyword index over the chunks (FTS5, BM25) and the
-- local vector index (the stand-in for Vectorize in `npm run dev` and the tests).

-- One row per ingested document. `content_hash` covers everything that shapes the chunks (content, title,
-- url, space, chunker version) and `embedding_model` the vectors, so an unchanged document is skipped.
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  space TEXT NOT NULL,
  title TEXT NOT NULL,
  url TEXT,
  content_hash TEXT NOT NULL,
  embedding_model TEXT NOT NULL,
  chunk_count INTEGER NOT NULL,
  updated_at TEXT,
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_by_space ON documents (space, id);

-- Chunks carry their document's space and title (denormalised) so that search filters and ranks
-- without a join. `seq` is the FTS rowid; `id` is the vector id (versioned by the content hash).
CREATE TABLE chunks (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL REFERENCES documents (id),
  space TEXT NOT NULL,
  position INTEGER NOT NULL,
  section INTEGER NOT NULL,
  title TEXT NOT NULL,
  heading TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX chunks_by_document ON chunks (document_id, position);
CREATE INDEX chunks_by_space ON chunks (space);

-- External-content FTS5 over the chunks; triggers keep it in step inside the same transaction, so
-- no code path can update one without the other. Porter stemming was chosen on kb-eval (bench/retrieval.ts).
CREATE VIRTUAL TABLE chunks_fts USING fts5 (
  title,
  heading,
  text,
  content = 'chunks',
  content_rowid = 'seq',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER chunks_fts_insert AFTER INSERT ON chunks BEGIN
  INSERT INTO chunks_fts (rowid, title, heading, text) VALUES (new.seq, new.title, new.heading, new.text);
END;
CREATE TRIGGER chunks_fts_delete AFTER DELETE ON chunks BEGIN
  INSERT INTO chunks_fts (chunks_fts, rowid, title, heading, text)
  VALUES ('delete', old.seq, old.title, old.heading, old.text);
END;

-- Vector ids that may exist in the vector index without a chunk pointing at them. `pending`: written before
-- an upsert, cleared by the transaction that commits the chunks (left behind only by a failed ingest, and
-- swept when old). `replaced`: chunks an update or delete removed, swept right after. The vector index and
-- D1 are not one transaction on Cloudflare; this table makes the cleanup survive a crash between them.
CREATE TABLE vector_garbage (
  id TEXT PRIMARY KEY,
  reason TEXT NOT NULL CHECK (reason IN ('pending', 'replaced')),
  created_at TEXT NOT NULL
);

-- The local vector index (worker/adapters/local/vector-index.ts). `vector` is base64 of Float32
-- little-endian values: D1 returns BLOBs as arrays of numbers, ~4x slower to load than a base64 string.
CREATE TABLE vector_entries (
  id TEXT PRIMARY KEY,
  namespace TEXT,
  vector TEXT NOT NULL,
  metadata TEXT
);
-- `generation` changes (to a random id) with every write, in the same transaction: isolates compare it
-- to their in-memory copy of the vectors and reload only when it differs.
CREATE TABLE vector_state (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  dimensions INTEGER,
  generation TEXT NOT NULL
);
INSERT INTO vector_state (singleton, dimensions, generation) VALUES (1, NULL, 'empty');
