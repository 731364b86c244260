-- Admin console at a million events, second step: the Overview's remaining per-request work moved into
-- roll-ups, and the question text that retention and erasure remove also removed from the roll-ups.
--
-- * usage_window_people / usage_window_group_people: distinct people active in the 7 and the 30 days ending on
--   each day (the Overview's "weekly active" and "seen in 30 days", overall and per group). Before, each was
--   one probe per person ever seen (7,500 probes, four times per Overview: ~150 ms at a million events); now a
--   row. A person-day that appears (or goes) changes the windows of the next 7 / 30 days in which the person has
--   no other active day, which the triggers below check with an index probe per window.
-- * usage_daily_ttft_percentiles: p50 and p95 of time to first token per day, recomputed from the day's
--   histogram (usage_daily_ttft, ≤ 1,110 buckets) whenever one of its buckets changes, so the Overview reads
--   one row per day instead of the whole histogram of the window (~20,000 rows over 90 days).
-- * Question text in usage_daily_questions and usage_daily_gaps (PAYLOAD_LOGGING=full) now follows the events:
--   when retention clears an event's question, or an event is deleted (erasure) before the rating that named
--   it, the question's counts leave the roll-ups too, so no question outlives its event there.
-- Every roll-up is kept by triggers inside the writer's transaction, as in 0003/0005; the backfill block below
-- rebuilds them from stored rows (the seeder runs it after a bulk load).
--
-- Windows are counted in whole UTC days: "the 7 days ending D" is D-6 … D, as worker/admin/overview.ts asks.

CREATE TABLE usage_window_people (
  day TEXT NOT NULL,                -- last day of the window
  span INTEGER NOT NULL,            -- 7 or 30 days
  people INTEGER NOT NULL,          -- distinct people with at least one event in the window
  PRIMARY KEY (day, span)
) WITHOUT ROWID;

CREATE TABLE usage_window_group_people (
  group_name TEXT NOT NULL,
  day TEXT NOT NULL,
  span INTEGER NOT NULL,
  people INTEGER NOT NULL,
  PRIMARY KEY (day, span, group_name)
) WITHOUT ROWID;

CREATE TABLE usage_daily_ttft_percentiles (
  day TEXT PRIMARY KEY,
  events INTEGER NOT NULL,          -- events with a time to first token that day
  p50 INTEGER NOT NULL,             -- bucket upper edges in milliseconds, as in usage_daily_ttft
  p95 INTEGER NOT NULL
) WITHOUT ROWID;

-- Backfill from stored rows, before the triggers below exist (the seeder runs it after a bulk load too).
-- A person is in the windows ending on each of their active days and the span - 1 days after, up to the day
-- before their next active day: counting each person-day for those ends counts every person once per window.
-- backfill:start
INSERT INTO usage_window_people (day, span, people)
SELECT date(d.day, printf('%+d days', o.value)), spans.value, count(*)
FROM (SELECT day, lead(day) OVER (PARTITION BY person ORDER BY day) AS next FROM usage_day_people) d
JOIN json_each('[7,30]') spans
JOIN json_each('[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29]') o
  ON o.value < spans.value
WHERE d.next IS NULL OR date(d.day, printf('%+d days', o.value)) < d.next
GROUP BY 1, 2;
INSERT INTO usage_window_group_people (group_name, day, span, people)
SELECT d.group_name, date(d.day, printf('%+d days', o.value)), spans.value, count(*)
FROM (SELECT group_name, day, lead(day) OVER (PARTITION BY group_name, person ORDER BY day) AS next
      FROM usage_daily_group_people) d
JOIN json_each('[7,30]') spans
JOIN json_each('[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29]') o
  ON o.value < spans.value
WHERE d.next IS NULL OR date(d.day, printf('%+d days', o.value)) < d.next
GROUP BY 1, 2, 3;
INSERT INTO usage_daily_ttft_percentiles (day, events, p50, p95)
SELECT day, max(total), min(CASE WHEN cumulative * 100 >= 50 * total THEN bucket END),
       min(CASE WHEN cumulative * 100 >= 95 * total THEN bucket END)
FROM (SELECT day, bucket, sum(events) OVER (PARTITION BY day ORDER BY bucket) AS cumulative,
             sum(events) OVER (PARTITION BY day) AS total
      FROM usage_daily_ttft)
GROUP BY day;
-- backfill:end

-- Not part of the backfill (a bulk load builds these right): earlier versions kept the text of questions whose event had lost it (retention) or was gone (erasure before the
-- rating): rebuilt from the events as they are.
DELETE FROM usage_daily_questions;
INSERT INTO usage_daily_questions (day, assistant, question, asked)
SELECT day, coalesce(assistant, ''), substr(trim(question), 1, 500), count(*)
FROM usage_events WHERE question IS NOT NULL AND trim(question) <> '' GROUP BY 1, 2, 3;
DELETE FROM usage_daily_gaps;
INSERT INTO usage_daily_gaps (day, question, no_results, low_score, not_grounded, outdated)
SELECT day, question, sum(no_results), sum(low_score), sum(not_grounded), sum(outdated) FROM (
  SELECT day, substr(trim(question), 1, 500) AS question, retrieval_hits = 0 AS no_results,
         retrieval_hits > 0 AS low_score, 0 AS not_grounded, 0 AS outdated
  FROM usage_events
  WHERE question IS NOT NULL AND trim(question) <> '' AND (retrieval_hits = 0 OR best_score < 0.02)
  UNION ALL
  SELECT f.day, substr(trim(u.question), 1, 500), 0, 0, f.reason = 'not_grounded', f.reason = 'outdated'
  FROM feedback f JOIN usage_events u ON u.message_id = f.message_id
  WHERE f.rating = 'down' AND f.reason IN ('not_grounded', 'outdated')
    AND u.question IS NOT NULL AND trim(u.question) <> ''
) GROUP BY day, question;

-- usage_day_people → usage_window_people. After the insert, the person is new to every window ending in the next
-- 30 days that holds no other day of theirs; after the delete, they leave every such window.
CREATE TRIGGER usage_window_people_insert AFTER INSERT ON usage_day_people BEGIN
  INSERT INTO usage_window_people (day, span, people)
  SELECT date(new.day, printf('%+d days', o.value)), spans.value, 1
  FROM json_each('[7,30]') spans
  JOIN json_each('[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29]') o
    ON o.value < spans.value
  WHERE NOT EXISTS (
    SELECT 1 FROM usage_day_people d
    WHERE d.person = new.person AND d.day <> new.day
      AND d.day BETWEEN date(new.day, printf('%+d days', o.value + 1 - spans.value))
                    AND date(new.day, printf('%+d days', o.value)))
  ON CONFLICT (day, span) DO UPDATE SET people = people + 1;
END;
CREATE TRIGGER usage_window_people_delete AFTER DELETE ON usage_day_people BEGIN
  UPDATE usage_window_people SET people = people - 1
  WHERE day BETWEEN old.day AND date(old.day, '+29 days') AND day <= date(old.day, printf('%+d days', span - 1))
    AND NOT EXISTS (
      SELECT 1 FROM usage_day_people d
      WHERE d.person = old.person
        AND d.day BETWEEN date(usage_window_people.day, printf('%+d days', 1 - usage_window_people.span))
                      AND usage_window_people.day);
  DELETE FROM usage_window_people WHERE day BETWEEN old.day AND date(old.day, '+29 days') AND people <= 0;
END;

-- usage_daily_group_people → usage_window_group_people, the same per group.
CREATE TRIGGER usage_window_group_people_insert AFTER INSERT ON usage_daily_group_people BEGIN
  INSERT INTO usage_window_group_people (group_name, day, span, people)
  SELECT new.group_name, date(new.day, printf('%+d days', o.value)), spans.value, 1
  FROM json_each('[7,30]') spans
  JOIN json_each('[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29]') o
    ON o.value < spans.value
  WHERE NOT EXISTS (
    SELECT 1 FROM usage_daily_group_people d
    WHERE d.group_name = new.group_name AND d.person = new.person AND d.day <> new.day
      AND d.day BETWEEN date(new.day, printf('%+d days', o.value + 1 - spans.value))
                    AND date(new.day, printf('%+d days', o.value)))
  ON CONFLICT (day, span, group_name) DO UPDATE SET people = people + 1;
END;
CREATE TRIGGER usage_window_group_people_delete AFTER DELETE ON usage_daily_group_people BEGIN
  UPDATE usage_window_group_people SET people = people - 1
  WHERE group_name = old.group_name
    AND day BETWEEN old.day AND date(old.day, '+29 days') AND day <= date(old.day, printf('%+d days', span - 1))
    AND NOT EXISTS (
      SELECT 1 FROM usage_daily_group_people d
      WHERE d.group_name = old.group_name AND d.person = old.person
        AND d.day BETWEEN date(usage_window_group_people.day, printf('%+d days', 1 - usage_window_group_people.span))
                      AND usage_window_group_people.day);
  DELETE FROM usage_window_group_people
  WHERE group_name = old.group_name AND day BETWEEN old.day AND date(old.day, '+29 days') AND people <= 0;
END;

-- usage_daily_ttft → usage_daily_ttft_percentiles: the day's percentiles from its cumulative histogram. The rank
-- of the p-th percentile is ceil(p × events / 100), in integers: the first bucket whose cumulative count × 100
-- reaches p × events.
CREATE TRIGGER usage_ttft_percentiles_insert AFTER INSERT ON usage_daily_ttft BEGIN
  DELETE FROM usage_daily_ttft_percentiles WHERE day = new.day;
  INSERT INTO usage_daily_ttft_percentiles (day, events, p50, p95)
  SELECT * FROM (
    SELECT new.day AS day, max(total) AS events, min(CASE WHEN cumulative * 100 >= 50 * total THEN bucket END) AS p50,
           min(CASE WHEN cumulative * 100 >= 95 * total THEN bucket END) AS p95
    FROM (SELECT bucket, sum(events) OVER (ORDER BY bucket) AS cumulative, sum(events) OVER () AS total
          FROM usage_daily_ttft WHERE day = new.day AND events > 0))
  WHERE events > 0;
END;
CREATE TRIGGER usage_ttft_percentiles_update AFTER UPDATE ON usage_daily_ttft BEGIN
  DELETE FROM usage_daily_ttft_percentiles WHERE day = new.day;
  INSERT INTO usage_daily_ttft_percentiles (day, events, p50, p95)
  SELECT * FROM (
    SELECT new.day AS day, max(total) AS events, min(CASE WHEN cumulative * 100 >= 50 * total THEN bucket END) AS p50,
           min(CASE WHEN cumulative * 100 >= 95 * total THEN bucket END) AS p95
    FROM (SELECT bucket, sum(events) OVER (ORDER BY bucket) AS cumulative, sum(events) OVER () AS total
          FROM usage_daily_ttft WHERE day = new.day AND events > 0))
  WHERE events > 0;
END;
CREATE TRIGGER usage_ttft_percentiles_delete AFTER DELETE ON usage_daily_ttft BEGIN
  DELETE FROM usage_daily_ttft_percentiles WHERE day = old.day;
  INSERT INTO usage_daily_ttft_percentiles (day, events, p50, p95)
  SELECT * FROM (
    SELECT old.day AS day, max(total) AS events, min(CASE WHEN cumulative * 100 >= 50 * total THEN bucket END) AS p50,
           min(CASE WHEN cumulative * 100 >= 95 * total THEN bucket END) AS p95
    FROM (SELECT bucket, sum(events) OVER (ORDER BY bucket) AS cumulative, sum(events) OVER () AS total
          FROM usage_daily_ttft WHERE day = old.day AND events > 0))
  WHERE events > 0;
END;

-- An event's question leaves the roll-ups that name it when the event goes (erasure, a test's cleanup): the
-- ratings "not grounded" / "outdated" of its answer counted it in usage_daily_gaps (on the rating's day). The
-- rating's own delete trigger then finds no question, so nothing is taken twice.
CREATE TRIGGER usage_question_rated_delete AFTER DELETE ON usage_events
WHEN old.message_id IS NOT NULL AND old.question IS NOT NULL AND trim(old.question) <> '' BEGIN
  UPDATE usage_daily_gaps SET
    not_grounded = not_grounded - (SELECT count(*) FROM feedback f WHERE f.message_id = old.message_id
      AND f.day = usage_daily_gaps.day AND f.rating = 'down' AND f.reason = 'not_grounded'),
    outdated = outdated - (SELECT count(*) FROM feedback f WHERE f.message_id = old.message_id
      AND f.day = usage_daily_gaps.day AND f.rating = 'down' AND f.reason = 'outdated')
  WHERE question = substr(trim(old.question), 1, 500) AND day IN (
    SELECT f.day FROM feedback f WHERE f.message_id = old.message_id AND f.rating = 'down'
      AND f.reason IN ('not_grounded', 'outdated'));
  DELETE FROM usage_daily_gaps
  WHERE question = substr(trim(old.question), 1, 500) AND no_results + low_score + not_grounded + outdated <= 0;
END;

-- Retention clears the text of old events (worker/oversight/personal-data.ts): their question leaves the top
-- questions and the gap report as if the event had gone, and comes back only if text is written again.
CREATE TRIGGER usage_question_changed AFTER UPDATE OF question ON usage_events
WHEN old.question IS NOT new.question BEGIN
  -- Out: the old text's counts.
  UPDATE usage_daily_questions SET asked = asked - 1
  WHERE old.question IS NOT NULL AND day = old.day AND assistant = coalesce(old.assistant, '')
    AND question = substr(trim(old.question), 1, 500);
  DELETE FROM usage_daily_questions WHERE day = old.day AND asked <= 0;
  UPDATE usage_daily_gaps SET
    no_results = no_results - (old.retrieval_hits = 0),
    low_score = low_score - (old.retrieval_hits > 0)
  WHERE old.question IS NOT NULL AND (old.retrieval_hits = 0 OR old.best_score < 0.02)
    AND day = old.day AND question = substr(trim(old.question), 1, 500);
  UPDATE usage_daily_gaps SET
    not_grounded = not_grounded - (SELECT count(*) FROM feedback f WHERE f.message_id = old.message_id
      AND f.day = usage_daily_gaps.day AND f.rating = 'down' AND f.reason = 'not_grounded'),
    outdated = outdated - (SELECT count(*) FROM feedback f WHERE f.message_id = old.message_id
      AND f.day = usage_daily_gaps.day AND f.rating = 'down' AND f.reason = 'outdated')
  WHERE old.question IS NOT NULL AND old.message_id IS NOT NULL AND question = substr(trim(old.question), 1, 500)
    AND day IN (SELECT f.day FROM feedback f WHERE f.message_id = old.message_id AND f.rating = 'down'
                  AND f.reason IN ('not_grounded', 'outdated'));
  DELETE FROM usage_daily_gaps
  WHERE old.question IS NOT NULL AND question = substr(trim(old.question), 1, 500)
    AND no_results + low_score + not_grounded + outdated <= 0;
  -- In: the new text's counts, as the insert triggers of 0003/0005 would have kept them.
  INSERT INTO usage_daily_questions (day, assistant, question, asked)
  SELECT new.day, coalesce(new.assistant, ''), substr(trim(new.question), 1, 500), 1
  WHERE new.question IS NOT NULL AND trim(new.question) <> ''
  ON CONFLICT (day, assistant, question) DO UPDATE SET asked = asked + 1;
  INSERT INTO usage_daily_gaps (day, question, no_results, low_score, not_grounded, outdated)
  SELECT new.day, substr(trim(new.question), 1, 500), new.retrieval_hits = 0, new.retrieval_hits > 0, 0, 0
  WHERE new.question IS NOT NULL AND trim(new.question) <> '' AND (new.retrieval_hits = 0 OR new.best_score < 0.02)
  ON CONFLICT (day, question) DO UPDATE SET
    no_results = no_results + excluded.no_results,
    low_score = low_score + excluded.low_score;
  INSERT INTO usage_daily_gaps (day, question, no_results, low_score, not_grounded, outdated)
  SELECT f.day, substr(trim(new.question), 1, 500), 0, 0, sum(f.reason = 'not_grounded'), sum(f.reason = 'outdated')
  FROM feedback f
  WHERE new.question IS NOT NULL AND trim(new.question) <> '' AND f.message_id = new.message_id
    AND f.rating = 'down' AND f.reason IN ('not_grounded', 'outdated')
  GROUP BY f.day
  ON CONFLICT (day, question) DO UPDATE SET
    not_grounded = not_grounded + excluded.not_grounded,
    outdated = outdated + excluded.outdated;
END;
