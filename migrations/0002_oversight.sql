-- Oversight: one usage event per chat or action request, feedback on answers and drafts, and the
-- append-only audit log. Written by worker/oversight/; read by the admin console and its APIs.
--
-- Conventions shared by every table here:
--   * `at` is the moment in UTC as ISO 8601 with milliseconds ('2026-12-02T09:15:04.123Z'): it sorts as it reads.
--   * `day` is the first ten characters of `at` ('2026-12-02'), stored so dashboards group and index by day
--     without computing it over a million rows.
--   * `person` is a pseudonym, never a name, email or subject: hex HMAC-SHA-256 of the identity's subject under
--     the secret USAGE_PSEUDONYM_KEY. The same person always gets the same pseudonym under one key.
--   * Text a person typed or a page showed (questions, answers, page text) is stored only when
--     PAYLOAD_LOGGING=full, redacted when REDACT=pii; under the default `metadata` those columns stay NULL.
--   * Enumerated values (feedback reasons, audit actions) are defined once in shared/oversight.ts.

-- One row per request to /v1/chat or /v1/actions/:id by a signed-in person, errors included.
CREATE TABLE usage_events (
  id TEXT PRIMARY KEY,              -- random UUID
  at TEXT NOT NULL,                 -- when the request arrived (UTC ISO 8601)
  day TEXT NOT NULL,                -- substr(at, 1, 10), UTC
  person TEXT NOT NULL,             -- pseudonym (see above)
  groups TEXT NOT NULL DEFAULT '[]',-- JSON array of the person's groups at the time; one row each in usage_event_groups
  assistant TEXT,                   -- assistant id that answered ('default' for plain chat before assistants exist)
  action TEXT NOT NULL,             -- 'chat', or the quick action id ('summarize-page', 'follow-up-email', …)
  model TEXT,                       -- model id that answered (NULL when no model was called)
  message_id TEXT,                  -- id of the streamed answer message, the key feedback refers to
  conversation_id TEXT,             -- conversation the answer belongs to, when the request named one
  tokens_in INTEGER NOT NULL DEFAULT 0,   -- prompt tokens over every model step (AI SDK total usage)
  tokens_out INTEGER NOT NULL DEFAULT 0,  -- completion tokens over every model step
  ttft_ms INTEGER,                  -- request arrival → first answer text sent (NULL when no text was sent)
  total_ms INTEGER NOT NULL,        -- request arrival → response finished (stream closed)
  retrieval_hits INTEGER NOT NULL DEFAULT 0, -- knowledge passages retrieved for the answer
  best_score REAL,                  -- highest retrieval score among them (NULL when nothing was retrieved)
  citations INTEGER NOT NULL DEFAULT 0,      -- distinct citations [n] / [P] the answer used
  error_code TEXT,                  -- stable code from shared/errors.ts when the request failed (NULL on success)
  status INTEGER NOT NULL,          -- HTTP status of the response (200 for a stream, even one that ended in an error part)
  page_site TEXT,                   -- the captured page's site ('salesforce', 'zendesk', 'gmail', 'web'…), no URL
  question TEXT,                    -- PAYLOAD_LOGGING=full only: the question / action request (redacted under REDACT=pii)
  answer TEXT                       -- PAYLOAD_LOGGING=full only: the streamed answer text (redacted under REDACT=pii)
);
-- Daily and weekly active people, questions per day, errors and time to first token per day.
CREATE INDEX usage_by_day ON usage_events (day, person);
-- Per-person views, quotas (tokens per person per day, answered from the index alone) and erasure.
CREATE INDEX usage_by_person ON usage_events (person, day, tokens_in, tokens_out);
-- Per-assistant and per-action usage, rating and cost.
CREATE INDEX usage_by_assistant ON usage_events (assistant, day);
CREATE INDEX usage_by_action ON usage_events (action, day);
-- Feedback joins to the answer it rates.
CREATE INDEX usage_by_message ON usage_events (message_id) WHERE message_id IS NOT NULL;
-- Errors by day ("what fails") without touching successful rows.
CREATE INDEX usage_errors_by_day ON usage_events (day, error_code) WHERE error_code IS NOT NULL;

-- The groups of each usage event, one row per group, so "active people by team" is an index range scan
-- rather than json_each over every event. Deleted with their event.
CREATE TABLE usage_event_groups (
  event_id TEXT NOT NULL REFERENCES usage_events (id) ON DELETE CASCADE,
  group_name TEXT NOT NULL,         -- one group from the event's `groups`
  day TEXT NOT NULL,                -- the event's day
  person TEXT NOT NULL,             -- the event's pseudonym
  PRIMARY KEY (group_name, day, person, event_id)
) WITHOUT ROWID;
CREATE INDEX usage_groups_by_event ON usage_event_groups (event_id);

-- Thumbs up/down on an answer or a draft. One rating per person and message: rating again replaces it.
CREATE TABLE feedback (
  id TEXT PRIMARY KEY,              -- random UUID
  at TEXT NOT NULL,                 -- when the rating was given (last change)
  day TEXT NOT NULL,                -- substr(at, 1, 10)
  person TEXT NOT NULL,             -- pseudonym of who rated
  groups TEXT NOT NULL DEFAULT '[]',-- JSON array of their groups
  message_id TEXT NOT NULL,         -- the rated answer or draft (usage_events.message_id when the worker saw it)
  conversation_id TEXT,             -- its conversation, when known
  kind TEXT NOT NULL CHECK (kind IN ('answer', 'draft')),
  assistant TEXT,                   -- assistant that answered (from the usage event, else as the panel said)
  action TEXT,                      -- 'chat' or the quick action id
  model TEXT,                       -- model that answered, from the usage event
  rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
  reason TEXT CHECK (reason IN ('wrong', 'outdated', 'not_grounded', 'unsafe', 'other')), -- thumbs-down only
  comment TEXT,                     -- what the person wrote to the administrators (≤ 2,000 characters)
  answer_excerpt TEXT,              -- PAYLOAD_LOGGING=full only: the start of the rated answer (redacted under REDACT=pii)
  sources TEXT NOT NULL DEFAULT '[]', -- JSON [{title, url?, space?, documentId?}] of company-knowledge sources;
                                      -- the page's own source only under PAYLOAD_LOGGING=full
  UNIQUE (person, message_id)
);
CREATE INDEX feedback_by_day ON feedback (day, rating);
CREATE INDEX feedback_by_assistant ON feedback (assistant, day);
CREATE INDEX feedback_by_reason ON feedback (reason, day) WHERE reason IS NOT NULL;
CREATE INDEX feedback_by_message ON feedback (message_id);

-- Append-only audit trail: who did what to which thing. No route updates or deletes it, and the triggers
-- below refuse UPDATE and DELETE even from code. The actor is a real identity (an audit names people).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT, -- increases with time: the pagination cursor (newest first)
  at TEXT NOT NULL,                 -- when it happened (UTC ISO 8601)
  actor TEXT NOT NULL,              -- email, else subject, of the person; 'api-key', 'dev-token' or 'system'
  action TEXT NOT NULL,             -- one of the audit actions in shared/oversight.ts ('document.ingest', …)
  target TEXT,                      -- what it acted on: document id, assistant id, tool name…
  details TEXT NOT NULL DEFAULT '{}', -- JSON: action-specific facts (space, chunk counts, approver, settings…)
  request_id TEXT                   -- the request's id (x-request-id), to find it in the worker's logs
);
CREATE INDEX audit_by_at ON audit_log (at);
CREATE INDEX audit_by_actor ON audit_log (actor, id);
CREATE INDEX audit_by_action ON audit_log (action, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
