import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { ROLLUPS } from '../../scripts/seed-usage/rollups';
import { feedbackReasons } from '../../shared/oversight';
import type { Env } from '../env';
import { upsertFeedback } from '../oversight/feedback-store';
import { oversightData } from '../oversight/personal-data';
import { pseudonymOf } from '../oversight/pseudonym';
import { insertUsageEvent } from '../oversight/usage-store';
import { enforceRetention } from '../personal-data/retention';
import { TEST_PSEUDONYM_KEY, testEnv } from '../testing/support';
import { overviewReport } from './overview';
import { addDays, reportWindow } from './window';

/**
 * The console reads roll-ups that triggers keep (migrations/*_console*.sql), never the million raw events. The
 * property: after any mix of events, ratings (new and changed), erasure of a person (DELETE /v1/me/data) and
 * retention runs (RETENTION_DAYS clearing question text), every roll-up table holds exactly what the migrations'
 * backfill rebuilds from the raw rows, and the Overview's numbers are the ones counted from the raw rows by hand.
 */

const FIRST_DAY = '2026-10-01';
const DAYS = 50;
const SUBJECTS = ['ana', 'ben', 'chloe', 'dev', 'eli'];
const GROUPS = ['sales-team', 'support-team', 'emea'];
const QUESTIONS = ['Refund policy?', 'refund policy?', '  Discount for NGOs?  ', '   ', 'Who owns the Acme deal?'];

type Reason = (typeof feedbackReasons)[number];

interface RatingInput {
  subject: number;
  /** Days after the event. */
  later: number;
  rating: 'up' | 'down';
  reason: Reason | null;
}

interface EventInput {
  subject: number;
  day: number;
  second: number;
  groups: string[];
  assistant: string | null;
  action: string;
  ttftMs: number | null;
  citations: number;
  errorCode: string | null;
  retrievalHits: number;
  bestScore: number | null;
  question: string | null;
  rating: RatingInput | null;
}

type Operation =
  | { kind: 'event'; event: EventInput }
  | { kind: 'rerate'; event: number; rating: 'up' | 'down'; reason: Reason | null }
  | { kind: 'erase'; subject: number }
  | { kind: 'retention'; cutoffDay: number };

const rating: fc.Arbitrary<RatingInput> = fc.record({
  subject: fc.nat({ max: SUBJECTS.length - 1 }),
  later: fc.nat({ max: 3 }),
  rating: fc.constantFrom('up' as const, 'down' as const),
  reason: fc.option(fc.constantFrom(...feedbackReasons), { nil: null }),
});

const eventInput: fc.Arbitrary<EventInput> = fc.record({
  subject: fc.nat({ max: SUBJECTS.length - 1 }),
  day: fc.nat({ max: DAYS - 1 }),
  second: fc.nat({ max: 86_399 }),
  groups: fc.subarray(GROUPS),
  assistant: fc.constantFrom(null, 'resolver', 'investigator'),
  action: fc.constantFrom('chat', 'chat', 'summarize-page', 'follow-up-email'),
  // Both bucket widths (10 ms below 10 s, 1 s above) and the 120 s cap.
  ttftMs: fc.option(fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 200_000 })), {
    nil: null,
  }),
  citations: fc.nat({ max: 2 }),
  errorCode: fc.option(fc.constantFrom('model_unavailable', 'quota_exceeded'), { nil: null, freq: 4 }),
  retrievalHits: fc.nat({ max: 3 }),
  bestScore: fc.option(fc.constantFrom(0, 0.01, 0.019, 0.02, 0.05), { nil: null }),
  question: fc.option(fc.constantFrom(...QUESTIONS), { nil: null }),
  rating: fc.option(rating, { nil: null }),
});

const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 12, arbitrary: eventInput.map((event) => ({ kind: 'event' as const, event })) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('rerate' as const),
      event: fc.nat(),
      rating: fc.constantFrom('up' as const, 'down' as const),
      reason: fc.option(fc.constantFrom(...feedbackReasons), { nil: null }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('erase' as const), subject: fc.nat({ max: SUBJECTS.length - 1 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retention' as const), cutoffDay: fc.nat({ max: DAYS }) }) },
);

const RETENTION_DAYS = 30;
let environment: Env;
let pseudonyms: string[];

async function reset(): Promise<void> {
  await environment.DB.batch([
    environment.DB.prepare('DELETE FROM feedback'),
    environment.DB.prepare('DELETE FROM usage_event_groups'),
    environment.DB.prepare('DELETE FROM usage_events'),
    ...ROLLUPS.map((table) => environment.DB.prepare(`DELETE FROM ${table}`)),
  ]);
}

/** Stores what the operations say, through the worker's own writers, erasure and retention cron. */
async function apply(operations: readonly Operation[]): Promise<void> {
  const messages: { messageId: string; event: EventInput }[] = [];
  for (const [index, operation] of operations.entries()) {
    if (operation.kind === 'event') {
      const { event } = operation;
      const at = new Date(Date.parse(`${addDays(FIRST_DAY, event.day)}T00:00:00Z`) + event.second * 1000);
      const messageId = `message-${index}`;
      await insertUsageEvent(environment.DB, {
        id: `event-${index}`,
        at: at.toISOString(),
        person: pseudonyms[event.subject] as string,
        groups: event.groups,
        assistant: event.assistant,
        action: event.action,
        model: event.errorCode ? null : 'test-chat',
        messageId,
        conversationId: null,
        tokensIn: 100 + index,
        tokensOut: 10 + index,
        ttftMs: event.ttftMs,
        totalMs: (event.ttftMs ?? 0) + 500,
        retrievalHits: event.retrievalHits,
        bestScore: event.retrievalHits === 0 ? null : event.bestScore,
        citations: event.citations,
        errorCode: event.errorCode,
        status: 200,
        pageSite: 'zendesk',
        question: event.question,
        answer: event.question ? 'An answer.' : null,
      });
      messages.push({ messageId, event });
      if (event.rating) await rate(messageId, event, event.rating);
    } else if (operation.kind === 'rerate' && messages.length > 0) {
      const rated = messages[operation.event % messages.length];
      if (rated) await rate(rated.messageId, rated.event, { ...operation, subject: rated.event.subject, later: 1 });
    } else if (operation.kind === 'erase') {
      await oversightData.erase({ env: environment, subject: SUBJECTS[operation.subject] as string });
    } else if (operation.kind === 'retention') {
      const cutoff = Date.parse(`${addDays(FIRST_DAY, operation.cutoffDay)}T12:00:00Z`);
      await enforceRetention(environment, new Date(cutoff + RETENTION_DAYS * 86_400_000));
    }
  }
}

async function rate(messageId: string, event: EventInput, given: RatingInput): Promise<void> {
  const at = new Date(Date.parse(`${addDays(FIRST_DAY, event.day + given.later)}T23:00:00Z`));
  await upsertFeedback(environment.DB, {
    at: at.toISOString(),
    person: pseudonyms[given.subject] as string,
    groups: SUBJECTS[given.subject] === 'ana' ? ['sales-team'] : event.groups,
    messageId,
    conversationId: null,
    kind: 'answer',
    assistant: event.assistant,
    action: event.action,
    model: 'test-chat',
    rating: given.rating,
    reason: given.rating === 'down' ? given.reason : null,
    comment: null,
    answerExcerpt: null,
    sources: [],
  });
}

async function snapshot(): Promise<Record<string, string[]>> {
  const results = await environment.DB.batch(ROLLUPS.map((table) => environment.DB.prepare(`SELECT * FROM ${table}`)));
  return Object.fromEntries(
    ROLLUPS.map((table, index) => [table, (results[index]?.results ?? []).map((row) => JSON.stringify(row)).sort()]),
  );
}

/** The roll-ups as the migrations' backfill builds them from the raw rows, with the triggers set aside meanwhile. */
async function rebuilt(): Promise<Record<string, string[]>> {
  const db = environment.DB;
  const tables = ['usage_events', 'feedback', ...ROLLUPS];
  const triggers = await db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (SELECT value FROM json_each(?))",
    )
    .bind(JSON.stringify(tables))
    .all<{ name: string; sql: string }>();
  await db.batch([
    ...triggers.results.map((trigger) => db.prepare(`DROP TRIGGER "${trigger.name}"`)),
    ...ROLLUPS.map((table) => db.prepare(`DELETE FROM ${table}`)),
    ...inject('rollupBackfill').map((statement) => db.prepare(statement)),
  ]);
  const expected = await snapshot();
  await db.batch(triggers.results.map((trigger) => db.prepare(trigger.sql)));
  return expected;
}

interface RawEvent {
  day: string;
  person: string;
  groups: string;
  action: string;
  citations: number;
  error_code: string | null;
  ttft_ms: number | null;
}

/** The time-to-first-token percentile by hand: the rank-th smallest value, rounded up to its bucket. */
function percentileOf(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const buckets = values
    .map((value) =>
      value < 10_000 ? (Math.floor(value / 10) + 1) * 10 : Math.min(120_000, (Math.floor(value / 1000) + 1) * 1000),
    )
    .sort((a, b) => a - b);
  return buckets[Math.ceil((p * buckets.length) / 100) - 1] ?? null;
}

async function expectOverviewFromRawRows(to: string, days: number): Promise<void> {
  const window = reportWindow({ to, days });
  const raw = (
    await environment.DB.prepare(
      'SELECT day, person, groups, action, citations, error_code, ttft_ms FROM usage_events',
    ).all<RawEvent>()
  ).results;
  const ratings = (
    await environment.DB.prepare('SELECT day, rating, groups FROM feedback').all<{
      day: string;
      rating: string;
      groups: string;
    }>()
  ).results;
  const within = (from: string) => (row: { day: string }) => row.day >= from && row.day <= to;
  const people = (rows: readonly RawEvent[]) => new Set(rows.map((row) => row.person)).size;
  const inGroup = (group: string) => (row: { groups: string }) => (JSON.parse(row.groups) as string[]).includes(group);
  const inWindow = raw.filter(within(window.from));
  const week = raw.filter(within(addDays(to, -6)));
  const month = raw.filter(within(addDays(to, -29)));
  const ttfts = (rows: readonly RawEvent[]) => rows.flatMap((row) => (row.ttft_ms === null ? [] : [row.ttft_ms]));

  const overview = await overviewReport(environment.DB, window);
  expect(overview.weeklyActive).toBe(people(week));
  expect(overview.seen30Days).toBe(people(month));
  expect(overview.dailyActive).toBe(people(raw.filter(within(to))));
  expect(overview.totals).toMatchObject({
    requests: inWindow.length,
    questions: inWindow.filter((row) => row.action === 'chat').length,
    answersWithCitations: inWindow.filter((row) => row.citations > 0).length,
    errors: inWindow.filter((row) => row.error_code !== null).length,
    thumbsUp: ratings.filter(within(window.from)).filter((row) => row.rating === 'up').length,
    thumbsDown: ratings.filter(within(window.from)).filter((row) => row.rating === 'down').length,
    ttftP50Ms: percentileOf(ttfts(inWindow), 50),
    ttftP95Ms: percentileOf(ttfts(inWindow), 95),
  });
  for (const day of overview.days) {
    const ofDay = raw.filter((row) => row.day === day.day);
    expect(day).toMatchObject({
      activePeople: people(ofDay),
      ttftP50Ms: percentileOf(ttfts(ofDay), 50),
      ttftP95Ms: percentileOf(ttfts(ofDay), 95),
    });
  }
  const groups = Object.fromEntries(
    GROUPS.map((group) => ({
      group,
      weeklyActive: people(week.filter(inGroup(group))),
      seen30Days: people(month.filter(inGroup(group))),
      requests: inWindow.filter(inGroup(group)).length,
    }))
      .filter((row) => row.seen30Days > 0 || row.requests > 0)
      .map(({ group, ...row }) => [group, row]),
  );
  expect(
    Object.fromEntries(
      overview.groups.map((row) => [
        row.group,
        { weeklyActive: row.weeklyActive, seen30Days: row.seen30Days, requests: row.requests },
      ]),
    ),
  ).toEqual(groups);

  const support = await overviewReport(environment.DB, window, 'support-team');
  expect(support.weeklyActive).toBe(people(week.filter(inGroup('support-team'))));
  expect(support.seen30Days).toBe(people(month.filter(inGroup('support-team'))));
}

describe('console roll-ups', () => {
  it('hold what the raw events and ratings say, after inserts, changed ratings, erasure and retention', async () => {
    environment = await testEnv({ RETENTION_DAYS: String(RETENTION_DAYS) });
    pseudonyms = await Promise.all(SUBJECTS.map((subject) => pseudonymOf(subject, TEST_PSEUDONYM_KEY)));
    await fc.assert(
      fc.asyncProperty(
        fc.array(operation, { minLength: 1, maxLength: 40 }),
        fc.nat({ max: DAYS + 35 }),
        fc.constantFrom(1, 7, 28, 90),
        async (operations, toDay, days) => {
          await reset();
          await apply(operations);
          const kept = await snapshot();
          expect(kept).toEqual(await rebuilt());
          await expectOverviewFromRawRows(addDays(FIRST_DAY, toDay), days);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('keep no question text once retention cleared it or erasure removed its event', async () => {
    environment = await testEnv({ RETENTION_DAYS: String(RETENTION_DAYS) });
    pseudonyms = await Promise.all(SUBJECTS.map((subject) => pseudonymOf(subject, TEST_PSEUDONYM_KEY)));
    await reset();
    const asked = (subject: number, day: number, question: string): Operation => ({
      kind: 'event',
      event: {
        subject,
        day,
        second: 3_600,
        groups: ['sales-team'],
        assistant: null,
        action: 'chat',
        ttftMs: 400,
        citations: 0,
        errorCode: null,
        retrievalHits: 0,
        bestScore: null,
        question,
        rating: { subject, later: 1, rating: 'down', reason: 'not_grounded' },
      },
    });
    await apply([
      asked(0, 2, 'What did Acme pay in 2025?'),
      asked(1, 40, 'Salary of Jane Doe?'),
      { kind: 'retention', cutoffDay: 10 },
      { kind: 'erase', subject: 1 },
    ]);
    const text = await environment.DB.prepare(
      `SELECT question FROM usage_daily_questions UNION ALL SELECT question FROM usage_daily_gaps`,
    ).all<{ question: string }>();
    expect(text.results).toEqual([]);
  });
});
