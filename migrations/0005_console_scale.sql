-- Admin console at a million events: smaller roll-ups for the numbers every page asks first, so no report
-- scans a month of per-person rows (measured with `npm run bench -- admin`).
--
-- * usage_day_people: one row per person and day (whatever the assistant); its triggers keep
--   usage_daily_active.people, so daily active people is one row per day.
-- * usage_people / usage_group_people: everyone ever seen (per group), so "distinct people in a window" is one
--   index probe per person into (person, day) rather than a DISTINCT over every row of the window.
-- * usage_daily_groups: requests, questions, errors and people per group and day.
-- * feedback_daily / feedback_daily_groups: thumbs up and down per day, assistant and group (ratings can be
--   changed, so UPDATE moves a count from one side to the other).
-- * usage_daily_gaps: questions that found nothing (or nothing above the fused score 0.02, GAP_MIN_SCORE in
--   shared/admin.ts), and thumbs-down as not grounded / outdated, per day and question.
-- Every roll-up is kept by triggers inside the writer's transaction and decremented on delete (retention,
-- erasure), as in 0003_console.sql; the backfill block below rebuilds them from stored rows.

CREATE TABLE usage_day_people (
  day TEXT NOT NULL,
  person TEXT NOT NULL,
  requests INTEGER NOT NULL,
  PRIMARY KEY (day, person)
) WITHOUT ROWID;
CREATE INDEX usage_day_people_by_person ON usage_day_people (person, day);

CREATE TABLE usage_daily_active (
  day TEXT PRIMARY KEY,
  people INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE usage_people (
  person TEXT PRIMARY KEY,
  days INTEGER NOT NULL             -- days with activity; the row goes when it reaches 0
) WITHOUT ROWID;

CREATE TABLE usage_group_people (
  group_name TEXT NOT NULL,
  person TEXT NOT NULL,
  days INTEGER NOT NULL,
  PRIMARY KEY (group_name, person)
) WITHOUT ROWID;
CREATE INDEX usage_daily_group_people_by_person ON usage_daily_group_people (group_name, person, day);

CREATE TABLE usage_daily_groups (
  day TEXT NOT NULL,
  group_name TEXT NOT NULL,
  people INTEGER NOT NULL,
  requests INTEGER NOT NULL,
  questions INTEGER NOT NULL,
  with_citations INTEGER NOT NULL,
  errors INTEGER NOT NULL,
  PRIMARY KEY (day, group_name)
) WITHOUT ROWID;

-- Distinct people per assistant: one probe per (assistant, person) into (assistant, person, day).
CREATE TABLE usage_assistant_people (
  assistant TEXT NOT NULL,
  person TEXT NOT NULL,
  days INTEGER NOT NULL,
  PRIMARY KEY (assistant, person)
) WITHOUT ROWID;
DROP INDEX usage_daily_people_by_assistant;
CREATE INDEX usage_daily_people_by_assistant ON usage_daily_people (assistant, person, day);

CREATE TABLE feedback_daily (
  day TEXT NOT NULL,
  assistant TEXT NOT NULL,
  up INTEGER NOT NULL,
  down INTEGER NOT NULL,
  PRIMARY KEY (day, assistant)
) WITHOUT ROWID;

CREATE TABLE feedback_daily_groups (
  day TEXT NOT NULL,
  group_name TEXT NOT NULL,
  up INTEGER NOT NULL,
  down INTEGER NOT NULL,
  PRIMARY KEY (day, group_name)
) WITHOUT ROWID;

CREATE TABLE usage_daily_gaps (
  day TEXT NOT NULL,
  question TEXT NOT NULL,
  no_results INTEGER NOT NULL,
  low_score INTEGER NOT NULL,
  not_grounded INTEGER NOT NULL,
  outdated INTEGER NOT NULL,
  PRIMARY KEY (day, question)
) WITHOUT ROWID;
-- The gap report reads usage_daily_gaps now.
DROP INDEX usage_gaps_by_day;

-- Backfill from stored rows, before the triggers below exist (the seeder runs it after a bulk load too).
-- backfill:start
INSERT INTO usage_day_people (day, person, requests)
SELECT day, person, count(*) FROM usage_events GROUP BY day, person;
INSERT INTO usage_daily_active (day, people) SELECT day, count(*) FROM usage_day_people GROUP BY day;
INSERT INTO usage_people (person, days) SELECT person, count(*) FROM usage_day_people GROUP BY person;
INSERT INTO usage_assistant_people (assistant, person, days)
SELECT assistant, person, count(*) FROM usage_daily_people GROUP BY assistant, person;
INSERT INTO usage_daily_groups (day, group_name, people, requests, questions, with_citations, errors)
SELECT day, group_name, count(*), sum(requests), sum(questions), sum(with_citations), sum(errors)
FROM usage_daily_group_people GROUP BY day, group_name;
INSERT INTO usage_group_people (group_name, person, days)
SELECT group_name, person, count(*) FROM usage_daily_group_people GROUP BY group_name, person;
INSERT INTO feedback_daily (day, assistant, up, down)
SELECT day, coalesce(assistant, ''), sum(rating = 'up'), sum(rating = 'down') FROM feedback GROUP BY 1, 2;
INSERT INTO feedback_daily_groups (day, group_name, up, down)
SELECT day, name, sum(rating = 'up'), sum(rating = 'down')
FROM (SELECT DISTINCT f.id, f.day, f.rating, g.value AS name
      FROM feedback f, json_each(CASE WHEN json_valid(f.groups) THEN f.groups ELSE '[]' END) g WHERE g.type = 'text')
GROUP BY 1, 2;
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
-- backfill:end

-- usage_events → usage_day_people, usage_daily_gaps
CREATE TRIGGER usage_scale_insert AFTER INSERT ON usage_events BEGIN
  INSERT INTO usage_day_people (day, person, requests) VALUES (new.day, new.person, 1)
  ON CONFLICT (day, person) DO UPDATE SET requests = requests + 1;
  INSERT INTO usage_daily_gaps (day, question, no_results, low_score, not_grounded, outdated)
  SELECT new.day, substr(trim(new.question), 1, 500), new.retrieval_hits = 0, new.retrieval_hits > 0, 0, 0
  WHERE new.question IS NOT NULL AND trim(new.question) <> '' AND (new.retrieval_hits = 0 OR new.best_score < 0.02)
  ON CONFLICT (day, question) DO UPDATE SET
    no_results = no_results + excluded.no_results,
    low_score = low_score + excluded.low_score;
END;

CREATE TRIGGER usage_scale_delete AFTER DELETE ON usage_events BEGIN
  UPDATE usage_day_people SET requests = requests - 1 WHERE day = old.day AND person = old.person;
  DELETE FROM usage_day_people WHERE day = old.day AND person = old.person AND requests <= 0;
  UPDATE usage_daily_gaps SET
    no_results = no_results - (old.retrieval_hits = 0),
    low_score = low_score - (old.retrieval_hits > 0)
  WHERE old.question IS NOT NULL AND (old.retrieval_hits = 0 OR old.best_score < 0.02)
    AND day = old.day AND question = substr(trim(old.question), 1, 500);
  DELETE FROM usage_daily_gaps WHERE day = old.day AND no_results + low_score + not_grounded + outdated <= 0;
END;

-- usage_day_people → usage_daily_active, usage_people
CREATE TRIGGER usage_day_people_insert AFTER INSERT ON usage_day_people BEGIN
  INSERT INTO usage_daily_active (day, people) VALUES (new.day, 1)
  ON CONFLICT (day) DO UPDATE SET people = people + 1;
  INSERT INTO usage_people (person, days) VALUES (new.person, 1)
  ON CONFLICT (person) DO UPDATE SET days = days + 1;
END;
CREATE TRIGGER usage_day_people_delete AFTER DELETE ON usage_day_people BEGIN
  UPDATE usage_daily_active SET people = people - 1 WHERE day = old.day;
  DELETE FROM usage_daily_active WHERE day = old.day AND people <= 0;
  UPDATE usage_people SET days = days - 1 WHERE person = old.person;
  DELETE FROM usage_people WHERE person = old.person AND days <= 0;
END;

-- usage_daily_people → usage_assistant_people
CREATE TRIGGER usage_daily_people_insert AFTER INSERT ON usage_daily_people BEGIN
  INSERT INTO usage_assistant_people (assistant, person, days) VALUES (new.assistant, new.person, 1)
  ON CONFLICT (assistant, person) DO UPDATE SET days = days + 1;
END;
CREATE TRIGGER usage_daily_people_delete AFTER DELETE ON usage_daily_people BEGIN
  UPDATE usage_assistant_people SET days = days - 1 WHERE assistant = old.assistant AND person = old.person;
  DELETE FROM usage_assistant_people WHERE assistant = old.assistant AND person = old.person AND days <= 0;
END;

-- usage_daily_group_people → usage_daily_groups, usage_group_people
CREATE TRIGGER usage_daily_group_people_insert AFTER INSERT ON usage_daily_group_people BEGIN
  INSERT INTO usage_daily_groups (day, group_name, people, requests, questions, with_citations, errors)
  VALUES (new.day, new.group_name, 1, new.requests, new.questions, new.with_citations, new.errors)
  ON CONFLICT (day, group_name) DO UPDATE SET
    people = people + 1,
    requests = requests + excluded.requests,
    questions = questions + excluded.questions,
    with_citations = with_citations + excluded.with_citations,
    errors = errors + excluded.errors;
  INSERT INTO usage_group_people (group_name, person, days) VALUES (new.group_name, new.person, 1)
  ON CONFLICT (group_name, person) DO UPDATE SET days = days + 1;
END;
CREATE TRIGGER usage_daily_group_people_update AFTER UPDATE ON usage_daily_group_people BEGIN
  UPDATE usage_daily_groups SET
    requests = requests + new.requests - old.requests,
    questions = questions + new.questions - old.questions,
    with_citations = with_citations + new.with_citations - old.with_citations,
    errors = errors + new.errors - old.errors
  WHERE day = new.day AND group_name = new.group_name;
END;
CREATE TRIGGER usage_daily_group_people_delete AFTER DELETE ON usage_daily_group_people BEGIN
  UPDATE usage_daily_groups SET
    people = people - 1,
    requests = requests - old.requests,
    questions = questions - old.questions,
    with_citations = with_citations - old.with_citations,
    errors = errors - old.errors
  WHERE day = old.day AND group_name = old.group_name;
  DELETE FROM usage_daily_groups WHERE day = old.day AND group_name = old.group_name AND people <= 0;
  UPDATE usage_group_people SET days = days - 1 WHERE group_name = old.group_name AND person = old.person;
  DELETE FROM usage_group_people WHERE group_name = old.group_name AND person = old.person AND days <= 0;
END;

-- feedback → feedback_daily, feedback_daily_groups, usage_daily_gaps
CREATE TRIGGER feedback_rollup_insert AFTER INSERT ON feedback BEGIN
  INSERT INTO feedback_daily (day, assistant, up, down)
  VALUES (new.day, coalesce(new.assistant, ''), new.rating = 'up', new.rating = 'down')
  ON CONFLICT (day, assistant) DO UPDATE SET up = up + excluded.up, down = down + excluded.down;
  INSERT INTO feedback_daily_groups (day, group_name, up, down)
  SELECT DISTINCT new.day, value, new.rating = 'up', new.rating = 'down'
  FROM json_each(CASE WHEN json_valid(new.groups) THEN new.groups ELSE '[]' END) WHERE type = 'text'
  ON CONFLICT (day, group_name) DO UPDATE SET up = up + excluded.up, down = down + excluded.down;
  INSERT INTO usage_daily_gaps (day, question, no_results, low_score, not_grounded, outdated)
  SELECT new.day, substr(trim(u.question), 1, 500), 0, 0, new.reason = 'not_grounded', new.reason = 'outdated'
  FROM usage_events u
  WHERE new.rating = 'down' AND new.reason IN ('not_grounded', 'outdated') AND u.message_id = new.message_id
    AND u.question IS NOT NULL AND trim(u.question) <> ''
  LIMIT 1
  ON CONFLICT (day, question) DO UPDATE SET
    not_grounded = not_grounded + excluded.not_grounded,
    outdated = outdated + excluded.outdated;
END;
CREATE TRIGGER feedback_rollup_delete AFTER DELETE ON feedback BEGIN
  UPDATE feedback_daily SET up = up - (old.rating = 'up'), down = down - (old.rating = 'down')
  WHERE day = old.day AND assistant = coalesce(old.assistant, '');
  DELETE FROM feedback_daily WHERE day = old.day AND up + down <= 0;
  UPDATE feedback_daily_groups SET up = up - (old.rating = 'up'), down = down - (old.rating = 'down')
  WHERE day = old.day AND group_name IN (
    SELECT value FROM json_each(CASE WHEN json_valid(old.groups) THEN old.groups ELSE '[]' END) WHERE type = 'text');
  DELETE FROM feedback_daily_groups WHERE day = old.day AND up + down <= 0;
  UPDATE usage_daily_gaps SET
    not_grounded = not_grounded - (old.reason = 'not_grounded'),
    outdated = outdated - (old.reason = 'outdated')
  WHERE old.rating = 'down' AND old.reason IN ('not_grounded', 'outdated') AND day = old.day
    AND question = (SELECT substr(trim(u.question), 1, 500) FROM usage_events u WHERE u.message_id = old.message_id
                    AND u.question IS NOT NULL LIMIT 1);
  DELETE FROM usage_daily_gaps WHERE day = old.day AND no_results + low_score + not_grounded + outdated <= 0;
END;
-- A changed rating (the same person rating the same answer again) is its old self removed and its new self added.
CREATE TRIGGER feedback_rollup_update AFTER UPDATE ON feedback BEGIN
  UPDATE feedback_daily SET up = up - (old.rating = 'up'), down = down - (old.rating = 'down')
  WHERE day = old.day AND assistant = coalesce(old.assistant, '');
  INSERT INTO feedback_daily (day, assistant, up, down)
  VALUES (new.day, coalesce(new.assistant, ''), new.rating = 'up', new.rating = 'down')
  ON CONFLICT (day, assistant) DO UPDATE SET up = up + excluded.up, down = down + excluded.down;
  DELETE FROM feedback_daily WHERE day = old.day AND up + down <= 0;
  UPDATE feedback_daily_groups SET up = up - (old.rating = 'up'), down = down - (old.rating = 'down')
  WHERE day = old.day AND group_name IN (
    SELECT value FROM json_each(CASE WHEN json_valid(old.groups) THEN old.groups ELSE '[]' END) WHERE type = 'text');
  INSERT INTO feedback_daily_groups (day, group_name, up, down)
  SELECT DISTINCT new.day, value, new.rating = 'up', new.rating = 'down'
  FROM json_each(CASE WHEN json_valid(new.groups) THEN new.groups ELSE '[]' END) WHERE type = 'text'
  ON CONFLICT (day, group_name) DO UPDATE SET up = up + excluded.up, down = down + excluded.down;
  DELETE FROM feedback_daily_groups WHERE day = old.day AND up + down <= 0;
  UPDATE usage_daily_gaps SET
    not_grounded = not_grounded - (old.reason = 'not_grounded'),
    outdated = outdated - (old.reason = 'outdated')
  WHERE old.rating = 'down' AND old.reason IN ('not_grounded', 'outdated') AND day = old.day
    AND question = (SELECT substr(trim(u.question), 1, 500) FROM usage_events u WHERE u.message_id = old.message_id
                    AND u.question IS NOT NULL LIMIT 1);
  INSERT INTO usage_daily_gaps (day, question, no_results, low_score, not_grounded, outdated)
  SELECT new.day, substr(trim(u.question), 1, 500), 0, 0, new.reason = 'not_grounded', new.reason = 'outdated'
  FROM usage_events u
  WHERE new.rating = 'down' AND new.reason IN ('not_grounded', 'outdated') AND u.message_id = new.message_id
    AND u.question IS NOT NULL AND trim(u.question) <> ''
  LIMIT 1
  ON CONFLICT (day, question) DO UPDATE SET
    not_grounded = not_grounded + excluded.not_grounded,
    outdated = outdated + excluded.outdated;
  DELETE FROM usage_daily_gaps WHERE day = old.day AND no_results + low_score + not_grounded + outdated <= 0;
END;
