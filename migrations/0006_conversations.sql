-- Conversations, stored per person and tied to the record they are about, so that returning to a record
-- reopens its conversation. Written and read by worker/conversations/; erased by DELETE /v1/me/data and by the
-- retention cron (RETENTION_DAYS).
--
-- Conventions (as in 0002_oversight.sql): times are UTC ISO 8601 with milliseconds ('2026-12-02T09:15:04.123Z'),
-- which sort as they read. `owner` is the identity's subject: every query that reads or changes a conversation
-- names it, so another person's conversation is simply not found.

CREATE TABLE conversations (
  id TEXT PRIMARY KEY,              -- random UUID, chosen by the worker
  owner TEXT NOT NULL,              -- the identity's subject (sub claim)
  record_key TEXT,                  -- shared/record-key.ts: 'salesforce:acme:Opportunity:006…', a normalised URL, or NULL
  record_title TEXT,                -- the page's title when the conversation started ('Opportunity: Acme Corp')
  title TEXT NOT NULL,              -- the first question, shortened; the person may rename it
  assistant TEXT,                   -- assistant id the conversation was started with (NULL: the default one)
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL          -- last message or rename: the history's order
);
-- The panel's two reads: the conversations of the record beside it, and the whole history, newest first.
CREATE INDEX conversations_by_owner_record ON conversations (owner, record_key, updated_at DESC);
CREATE INDEX conversations_by_owner ON conversations (owner, updated_at DESC);
-- Retention: conversations untouched for RETENTION_DAYS, found without a scan.
CREATE INDEX conversations_by_updated ON conversations (updated_at);

CREATE TABLE messages (
  seq INTEGER PRIMARY KEY,          -- insertion order within the database: the conversation's order
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  id TEXT NOT NULL,                 -- the UI message id (the panel's for questions, the stream's for answers)
  role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
  text TEXT NOT NULL,               -- the text parts, joined
  sources TEXT NOT NULL DEFAULT '[]', -- JSON CitedSource[] (shared/knowledge.ts) the answer was sent with
  assistant TEXT,                   -- assistant id that answered (answers only)
  model TEXT,                       -- model id that answered (answers only)
  -- 'complete'; 'streaming' while the answer is written (saved every second, so a reload keeps what was said);
  -- 'stopped' when the person stopped it or went away; 'failed' when it ended in an error.
  status TEXT NOT NULL DEFAULT 'complete' CHECK (status IN ('streaming', 'complete', 'stopped', 'failed')),
  created_at TEXT NOT NULL,
  UNIQUE (conversation_id, id)
);
CREATE INDEX messages_by_conversation ON messages (conversation_id, seq);
-- Retention: messages older than RETENTION_DAYS inside conversations that are still in use.
CREATE INDEX messages_by_created ON messages (created_at);
