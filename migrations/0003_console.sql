-- Admin console: daily roll-ups of usage_events kept by triggers, and the indexes its reports read.
--
-- Why roll-ups: a dashboard over a month reads ~330,000 of a million events. Counting distinct people per day,
-- or a percentile of time to first token, over that many rows costs hundreds of milliseconds in SQLite; the
-- same numbers from per-day rows cost a few. The triggers run in the writer's transaction, so a roll-up can
-- never disagree with the events it sums, whoever writes them (the worker, retention, erasure, a seed).
-- Deleting events (retention, DELETE /v1/me/data) decrements the roll-ups and removes rows that reach zero,
-- so no pseudonym outlives its events.

-- Events per day and kind: questions, citations, errors, tokens per assistant and model.
CREATE TABLE usage_daily (
  day TEXT NOT NULL,
  assistant TEXT NOT NULL,          -- '' when the event had none
  action TEXT NOT NULL,
  model TEXT NOT NULL,              -- '' when no model was called
  requests INTEGER NOT NULL,
  with_citations INTEGER NOT NULL,  -- answers that cited at least one source
  errors INTEGER NOT NULL,          -- events with an error_code
  tokens_in INTEGER NOT NULL,
  tokens_out INTEGER NOT NULL,
  PRIMARY KEY (day, assistant, action, model)
) WITHOUT ROWID;

-- Who was active on which day (and with which assistant): distinct people per day, week and 30 days.
CREATE TABLE usage_daily_people (
  day TEXT NOT NULL,
  person TEXT NOT NULL,
  assistant TEXT NOT NULL,
  requests INTEGER NOT NULL,
  PRIMARY KEY (day, person, assistant)
) WITHOUT ROWID;
CREATE INDEX usage_daily_people_by_assistant ON usage_daily_people (assistant, day, person);

-- The same per group (from the event's `groups`), for "by team" and the group filter.
CREATE TABLE usage_daily_group_people (
  group_name TEXT NOT NULL,
  day TEXT NOT NULL,
  person TEXT NOT NULL,
  requests INTEGER NOT NULL,
  questions INTEGER NOT NULL,       -- chat requests
  with_citations INTEGER NOT NULL,
  errors INTEGER NOT NULL,
  PRIMARY KEY (group_name, day, person)
) WITHOUT ROWID;
CREATE INDEX usage_daily_group_people_by_day ON usage_daily_group_people (day, group_name);

-- Time to first token as a histogram: 10-ms buckets up to 10 s, then one bucket per second (capped at 120 s).
-- Percentiles are read from the cumulative counts, exact to the bucket.
CREATE TABLE usage_daily_ttft (
  day TEXT NOT NULL,
  bucket INTEGER NOT NULL,          -- upper edge in milliseconds
  events INTEGER NOT NULL,
  PRIMARY KEY (day, bucket)
) WITHOUT ROWID;

-- PAYLOAD_LOGGING=full: how often each question was asked of each assistant per day (top questions).
CREATE TABLE usage_daily_questions (
  day TEXT NOT NULL,
  assistant TEXT NOT NULL,
  question TEXT NOT NULL,
  asked INTEGER NOT NULL,
  PRIMARY KEY (day, assistant, question)
) WITHOUT ROWID;

CREATE TRIGGER usage_rollup_insert AFTER INSERT ON usage_events BEGIN
  INSERT INTO usage_daily (day, assistant, action, model, requests, with_citations, errors, tokens_in, tokens_out)
  VALUES (new.day, coalesce(new.assistant, ''), new.action, coalesce(new.model, ''), 1,
          new.citations > 0, new.error_code IS NOT NULL, new.tokens_in, new.tokens_out)
  ON CONFLICT (day, assistant, action, model) DO UPDATE SET
    requests = requests + 1,
    with_citations = with_citations + excluded.with_citations,
    errors = errors + excluded.errors,
    tokens_in = tokens_in + excluded.tokens_in,
    tokens_out = tokens_out + excluded.tokens_out;
  INSERT INTO usage_daily_people (day, person, assistant, requests)
  VALUES (new.day, new.person, coalesce(new.assistant, ''), 1)
  ON CONFLICT (day, person, assistant) DO UPDATE SET requests = requests + 1;
  INSERT INTO usage_daily_ttft (day, bucket, events)
  SELECT new.day,
         CASE WHEN new.ttft_ms < 10000 THEN (new.ttft_ms / 10 + 1) * 10
              ELSE min(120000, (new.ttft_ms / 1000 + 1) * 1000) END,
         1
  WHERE new.ttft_ms IS NOT NULL
  ON CONFLICT (day, bucket) DO UPDATE SET events = events + 1;
  INSERT INTO usage_daily_questions (day, assistant, question, asked)
  SELECT new.day, coalesce(new.assistant, ''), substr(trim(new.question), 1, 500), 1
  WHERE new.question IS NOT NULL AND trim(new.question) <> ''
  ON CONFLICT (day, assistant, question) DO UPDATE SET asked = asked + 1;
  INSERT INTO usage_daily_group_people (group_name, day, person, requests, questions, with_citations, errors)
  SELECT DISTINCT value, new.day, new.person, 1, new.action = 'chat', new.citations > 0, new.error_code IS NOT NULL
  FROM json_each(CASE WHEN json_valid(new.groups) THEN new.groups ELSE '[]' END)
  WHERE type = 'text'
  ON CONFLICT (group_name, day, person) DO UPDATE SET
    requests = requests + 1,
    questions = questions + excluded.questions,
    with_citations = with_citations + excluded.with_citations,
    errors = errors + excluded.errors;
END;

CREATE TRIGGER usage_rollup_delete AFTER DELETE ON usage_events BEGIN
  UPDATE usage_daily SET
    requests = requests - 1,
    with_citations = with_citations - (old.citations > 0),
    errors = errors - (old.error_code IS NOT NULL),
    tokens_in = tokens_in - old.tokens_in,
    tokens_out = tokens_out - old.tokens_out
  WHERE day = old.day AND assistant = coalesce(old.assistant, '') AND action = old.action
    AND model = coalesce(old.model, '');
  DELETE FROM usage_daily WHERE day = old.day AND assistant = coalesce(old.assistant, '') AND action = old.action
    AND model = coalesce(old.model, '') AND requests <= 0;
  UPDATE usage_daily_people SET requests = requests - 1
  WHERE day = old.day AND person = old.person AND assistant = coalesce(old.assistant, '');
  DELETE FROM usage_daily_people
  WHERE day = old.day AND person = old.person AND assistant = coalesce(old.assistant, '') AND requests <= 0;
  UPDATE usage_daily_ttft SET events = events - 1
  WHERE old.ttft_ms IS NOT NULL AND day = old.day AND bucket = CASE WHEN old.ttft_ms < 10000
    THEN (old.ttft_ms / 10 + 1) * 10 ELSE min(120000, (old.ttft_ms / 1000 + 1) * 1000) END;
  DELETE FROM usage_daily_ttft WHERE day = old.day AND events <= 0;
  UPDATE usage_daily_questions SET asked = asked - 1
  WHERE old.question IS NOT NULL AND day = old.day AND assistant = coalesce(old.assistant, '')
    AND question = substr(trim(old.question), 1, 500);
  DELETE FROM usage_daily_questions WHERE day = old.day AND asked <= 0;
  UPDATE usage_daily_group_people SET
    requests = requests - 1,
    questions = questions - (old.action = 'chat'),
    with_citations = with_citations - (old.citations > 0),
    errors = errors - (old.error_code IS NOT NULL)
  WHERE day = old.day AND person = old.person AND group_name IN (
    SELECT DISTINCT value FROM json_each(CASE WHEN json_valid(old.groups) THEN old.groups ELSE '[]' END)
    WHERE type = 'text');
  DELETE FROM usage_daily_group_people WHERE day = old.day AND person = old.person AND requests <= 0;
END;

-- Backfill: roll-ups of the events already stored when this migration runs (the same numbers the triggers
-- would have kept). The seeder reuses this block to load a million events without the per-row triggers.
-- backfill:start
INSERT INTO usage_daily (day, assistant, action, model, requests, with_citations, errors, tokens_in, tokens_out)
SELECT day, coalesce(assistant, ''), action, coalesce(model, ''), count(*), sum(citations > 0),
       sum(error_code IS NOT NULL), sum(tokens_in), sum(tokens_out)
FROM usage_events GROUP BY 1, 2, 3, 4;
INSERT INTO usage_daily_people (day, person, assistant, requests)
SELECT day, person, coalesce(assistant, ''), count(*) FROM usage_events GROUP BY 1, 2, 3;
INSERT INTO usage_daily_ttft (day, bucket, events)
SELECT day, CASE WHEN ttft_ms < 10000 THEN (ttft_ms / 10 + 1) * 10
                 ELSE min(120000, (ttft_ms / 1000 + 1) * 1000) END, count(*)
FROM usage_events WHERE ttft_ms IS NOT NULL GROUP BY 1, 2;
INSERT INTO usage_daily_questions (day, assistant, question, asked)
SELECT day, coalesce(assistant, ''), substr(trim(question), 1, 500), count(*)
FROM usage_events WHERE question IS NOT NULL AND trim(question) <> '' GROUP BY 1, 2, 3;
INSERT INTO usage_daily_group_people (group_name, day, person, requests, questions, with_citations, errors)
SELECT name, day, person, count(*), sum(action = 'chat'), sum(citations > 0), sum(error_code IS NOT NULL)
FROM (SELECT DISTINCT e.id, g.value AS name, e.day, e.person, e.action, e.citations, e.error_code
      FROM usage_events e, json_each(CASE WHEN json_valid(e.groups) THEN e.groups ELSE '[]' END) g
      WHERE g.type = 'text')
GROUP BY 1, 2, 3;
-- backfill:end

-- Knowledge gaps: questions whose retrieval found nothing, or nothing above GAP_MIN_SCORE (shared/admin.ts;
-- the same literal here, or SQLite cannot use the partial index).
CREATE INDEX usage_gaps_by_day ON usage_events (day, question)
  WHERE question IS NOT NULL AND (retrieval_hits = 0 OR best_score < 0.02);
-- The usage export walks events in time order.
CREATE INDEX usage_by_at ON usage_events (at, id);
-- Feedback list, newest first, and errors by code.
CREATE INDEX feedback_by_at ON feedback (at, id);
