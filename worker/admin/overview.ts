import type { GroupRow, Overview, OverviewDay, ReportWindow } from '../../shared/admin';
import { byName, first, rows } from './rows';
import { histogramPercentile } from './ttft';
import { addDays, daysOf, ratio } from './window';

/**
 * The Overview page: adoption (daily and weekly active people, and the weekly share of people seen in 30
 * days), volume, quality (citations, thumbs) and speed (time to first token). Reads the daily roll-ups of
 * migrations/0003_console.sql, never the raw events, except for errors by code (a partial index).
 */
export async function overviewReport(db: D1Database, window: ReportWindow, group?: string): Promise<Overview> {
  const weekFrom = addDays(window.to, -6);
  const monthFrom = addDays(window.to, -29);
  const bind = (from: string, to: string) => (group ? [from, to, group] : [from, to]);
  // Distinct people in a window: one probe per person ever seen into (person, day), never a DISTINCT over rows.
  const distinctPeople = (from: string, to: string) =>
    (group
      ? db.prepare(
          `SELECT count(*) AS people FROM usage_group_people p WHERE p.group_name = ?3 AND EXISTS (
             SELECT 1 FROM usage_daily_group_people d
             WHERE d.group_name = p.group_name AND d.person = p.person AND d.day BETWEEN ?1 AND ?2)`,
        )
      : db.prepare(
          `SELECT count(*) AS people FROM usage_people p WHERE EXISTS (
             SELECT 1 FROM usage_day_people d WHERE d.person = p.person AND d.day BETWEEN ?1 AND ?2)`,
        )
    ).bind(...bind(from, to));
  const [active, weekly, month, volume, ttft, thumbs, errors] = await db.batch([
    group
      ? db
          .prepare('SELECT day, people FROM usage_daily_groups WHERE day BETWEEN ?1 AND ?2 AND group_name = ?3')
          .bind(window.from, window.to, group)
      : db
          .prepare('SELECT day, people FROM usage_daily_active WHERE day BETWEEN ?1 AND ?2')
          .bind(window.from, window.to),
    distinctPeople(weekFrom, window.to),
    distinctPeople(monthFrom, window.to),
    group
      ? db
          .prepare(
            `SELECT day, requests, questions, with_citations AS cited, errors
             FROM usage_daily_groups WHERE day BETWEEN ?1 AND ?2 AND group_name = ?3`,
          )
          .bind(window.from, window.to, group)
      : db
          .prepare(
            `SELECT day, sum(requests) AS requests, sum(CASE WHEN action = 'chat' THEN requests ELSE 0 END) AS questions,
                    sum(with_citations) AS cited, sum(errors) AS errors
             FROM usage_daily WHERE day BETWEEN ?1 AND ?2 GROUP BY day`,
          )
          .bind(window.from, window.to),
    // Time to first token is not split by group (the histogram has no group); a group view shows none.
    db
      .prepare('SELECT day, bucket, events FROM usage_daily_ttft WHERE day BETWEEN ?1 AND ?2 AND ?3 = 0')
      .bind(window.from, window.to, group ? 1 : 0),
    group
      ? db
          .prepare(
            `SELECT coalesce(sum(up), 0) AS up, coalesce(sum(down), 0) AS down FROM feedback_daily_groups
             WHERE day BETWEEN ?1 AND ?2 AND group_name = ?3`,
          )
          .bind(window.from, window.to, group)
      : db
          .prepare(
            'SELECT coalesce(sum(up), 0) AS up, coalesce(sum(down), 0) AS down FROM feedback_daily WHERE day BETWEEN ?1 AND ?2',
          )
          .bind(window.from, window.to),
    group
      ? db.prepare('SELECT NULL AS code, 0 AS count WHERE 0')
      : db
          .prepare(
            `SELECT error_code AS code, count(*) AS count FROM usage_events
             WHERE day BETWEEN ?1 AND ?2 AND error_code IS NOT NULL GROUP BY error_code ORDER BY count DESC`,
          )
          .bind(window.from, window.to),
  ]);

  const activeByDay = new Map(rows<{ day: string; people: number }>(active).map((row) => [row.day, row.people]));
  type Volume = { day: string; requests: number; questions: number; cited: number; errors: number };
  const volumeByDay = new Map(rows<Volume>(volume).map((row) => [row.day, row]));
  const ttftRows = rows<{ day: string; bucket: number; events: number }>(ttft);
  const ttftByDay = new Map<string, { bucket: number; events: number }[]>();
  for (const row of ttftRows) {
    const list = ttftByDay.get(row.day) ?? [];
    list.push(row);
    ttftByDay.set(row.day, list);
  }
  const windowBuckets = new Map<number, number>();
  for (const row of ttftRows) windowBuckets.set(row.bucket, (windowBuckets.get(row.bucket) ?? 0) + row.events);
  const allBuckets = [...windowBuckets].map(([bucket, events]) => ({ bucket, events }));

  const days: OverviewDay[] = daysOf(window).map((day) => {
    const counts = volumeByDay.get(day);
    const histogram = ttftByDay.get(day) ?? [];
    return {
      day,
      activePeople: activeByDay.get(day) ?? 0,
      questions: counts?.questions ?? 0,
      answersWithCitations: counts?.cited ?? 0,
      errors: counts?.errors ?? 0,
      ttftP50Ms: histogramPercentile(histogram, 50),
      ttftP95Ms: histogramPercentile(histogram, 95),
    };
  });
  const thumbsUp = first<{ up: number }>(thumbs)?.up ?? 0;
  const thumbsDown = first<{ down: number }>(thumbs)?.down ?? 0;
  const weeklyActive = first<{ people: number }>(weekly)?.people ?? 0;
  const seen30Days = first<{ people: number }>(month)?.people ?? 0;
  const sum = (pick: (row: Volume) => number) => [...volumeByDay.values()].reduce((total, row) => total + pick(row), 0);

  return {
    window,
    weeklyActive,
    dailyActive: activeByDay.get(window.to) ?? 0,
    seen30Days,
    weeklyActiveShare: ratio(weeklyActive, seen30Days),
    totals: {
      requests: sum((row) => row.requests),
      questions: sum((row) => row.questions),
      answersWithCitations: sum((row) => row.cited),
      errors: sum((row) => row.errors),
      thumbsUp,
      thumbsDown,
      thumbsUpRate: ratio(thumbsUp, thumbsUp + thumbsDown),
      ttftP50Ms: histogramPercentile(allBuckets, 50),
      ttftP95Ms: histogramPercentile(allBuckets, 95),
    },
    days,
    errorsByCode: rows<{ code: string; count: number }>(errors),
    groups: await groupRows(db, window, group),
  };
}

/** "By team": one row per identity-provider group (or only the filtered one). */
async function groupRows(db: D1Database, window: ReportWindow, only?: string): Promise<GroupRow[]> {
  const weekFrom = addDays(window.to, -6);
  const monthFrom = addDays(window.to, -29);
  const filter = only ? 'AND group_name = ?3' : '';
  const bind = (from: string, to: string) => (only ? [from, to, only] : [from, to]);
  const distinctPeople = (from: string, to: string) =>
    db
      .prepare(
        `SELECT p.group_name AS name, count(*) AS people FROM usage_group_people p
         WHERE EXISTS (SELECT 1 FROM usage_daily_group_people d
                       WHERE d.group_name = p.group_name AND d.person = p.person AND d.day BETWEEN ?1 AND ?2)
           ${only ? 'AND p.group_name = ?3' : ''}
         GROUP BY p.group_name`,
      )
      .bind(...bind(from, to));
  const [weekly, month, volume, thumbs] = await db.batch([
    distinctPeople(weekFrom, window.to),
    distinctPeople(monthFrom, window.to),
    db
      .prepare(
        `SELECT group_name AS name, sum(requests) AS requests, sum(questions) AS questions, sum(errors) AS errors
         FROM usage_daily_groups WHERE day BETWEEN ?1 AND ?2 ${filter} GROUP BY group_name`,
      )
      .bind(...bind(window.from, window.to)),
    db
      .prepare(
        `SELECT group_name AS name, sum(up) AS up, sum(down) AS down
         FROM feedback_daily_groups WHERE day BETWEEN ?1 AND ?2 ${filter} GROUP BY group_name`,
      )
      .bind(...bind(window.from, window.to)),
  ]);
  const weeklyBy = byName<{ people: number }>(weekly);
  const monthBy = byName<{ people: number }>(month);
  const volumeBy = byName<{ requests: number; questions: number; errors: number }>(volume);
  const thumbsBy = byName<{ up: number; down: number }>(thumbs);
  const names = new Set([...monthBy.keys(), ...volumeBy.keys()]);
  return [...names]
    .map((name) => {
      const weeklyActive = weeklyBy.get(name)?.people ?? 0;
      const seen30Days = monthBy.get(name)?.people ?? 0;
      return {
        group: name,
        weeklyActive,
        seen30Days,
        weeklyActiveShare: ratio(weeklyActive, seen30Days),
        requests: volumeBy.get(name)?.requests ?? 0,
        questions: volumeBy.get(name)?.questions ?? 0,
        errors: volumeBy.get(name)?.errors ?? 0,
        thumbsUp: thumbsBy.get(name)?.up ?? 0,
        thumbsDown: thumbsBy.get(name)?.down ?? 0,
      };
    })
    .sort((a, b) => b.requests - a.requests || a.group.localeCompare(b.group));
}
