import type { GroupRow, Overview, OverviewDay, ReportWindow } from '../../shared/admin';
import { byName, first, rows } from './rows';
import { daysOf, ratio } from './window';

/**
 * The Overview page: adoption (daily and weekly active people, and the weekly share of people seen in 30
 * days), volume, quality (citations, thumbs) and speed (time to first token). Reads the roll-ups of
 * migrations/*_console*.sql, never the raw events, except for errors by code (a partial index): each statement
 * reads one row per day of the window or less, except the window's time-to-first-token histogram.
 */
export async function overviewReport(db: D1Database, window: ReportWindow, group?: string): Promise<Overview> {
  // Distinct people in the 7 and 30 days ending `to`: one row each of the window roll-ups (0007_console_windows.sql).
  const distinctPeople = (span: 7 | 30) =>
    group
      ? db
          .prepare('SELECT people FROM usage_window_group_people WHERE day = ?1 AND span = ?2 AND group_name = ?3')
          .bind(window.to, span, group)
      : db.prepare('SELECT people FROM usage_window_people WHERE day = ?1 AND span = ?2').bind(window.to, span);
  const [active, weekly, month, volume, ttft, ttftWindow, thumbs, errors] = await db.batch([
    group
      ? db
          .prepare('SELECT day, people FROM usage_daily_groups WHERE day BETWEEN ?1 AND ?2 AND group_name = ?3')
          .bind(window.from, window.to, group)
      : db
          .prepare('SELECT day, people FROM usage_daily_active WHERE day BETWEEN ?1 AND ?2')
          .bind(window.from, window.to),
    distinctPeople(7),
    distinctPeople(30),
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
      .prepare('SELECT day, p50, p95 FROM usage_daily_ttft_percentiles WHERE day BETWEEN ?1 AND ?2 AND ?3 = 0')
      .bind(window.from, window.to, group ? 1 : 0),
    db
      .prepare(
        `SELECT min(CASE WHEN cumulative * 100 >= 50 * total THEN bucket END) AS p50,
                min(CASE WHEN cumulative * 100 >= 95 * total THEN bucket END) AS p95
         FROM (SELECT bucket, sum(events) OVER (ORDER BY bucket) AS cumulative, sum(events) OVER () AS total
               FROM (SELECT bucket, sum(events) AS events FROM usage_daily_ttft
                     WHERE day BETWEEN ?1 AND ?2 AND ?3 = 0 GROUP BY bucket))`,
      )
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
  type Percentiles = { p50: number | null; p95: number | null };
  const ttftByDay = new Map(rows<Percentiles & { day: string }>(ttft).map((row) => [row.day, row]));
  const ttftTotals = first<Percentiles>(ttftWindow);

  const days: OverviewDay[] = daysOf(window).map((day) => {
    const counts = volumeByDay.get(day);
    const percentiles = ttftByDay.get(day);
    return {
      day,
      activePeople: activeByDay.get(day) ?? 0,
      questions: counts?.questions ?? 0,
      answersWithCitations: counts?.cited ?? 0,
      errors: counts?.errors ?? 0,
      ttftP50Ms: percentiles?.p50 ?? null,
      ttftP95Ms: percentiles?.p95 ?? null,
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
      ttftP50Ms: ttftTotals?.p50 ?? null,
      ttftP95Ms: ttftTotals?.p95 ?? null,
    },
    days,
    errorsByCode: rows<{ code: string; count: number }>(errors),
    groups: await groupRows(db, window, group),
  };
}

/** "By team": one row per identity-provider group (or only the filtered one). */
async function groupRows(db: D1Database, window: ReportWindow, only?: string): Promise<GroupRow[]> {
  const filter = only ? 'AND group_name = ?3' : '';
  const bind = (from: string, to: string) => (only ? [from, to, only] : [from, to]);
  const distinctPeople = (span: 7 | 30) =>
    db
      .prepare(
        `SELECT group_name AS name, people FROM usage_window_group_people
         WHERE day = ?1 AND span = ?2 ${only ? 'AND group_name = ?3' : ''}`,
      )
      .bind(...(only ? [window.to, span, only] : [window.to, span]));
  const [weekly, month, volume, thumbs] = await db.batch([
    distinctPeople(7),
    distinctPeople(30),
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
