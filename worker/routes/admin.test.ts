import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SeedOptions, SeedRecord, UsageEventRow } from '../../scripts/seed-usage/generate';
import { AssistantsReport, FeedbackList, KnowledgeReport, Overview } from '../../shared/admin';
import { Problem } from '../../shared/errors';
import { costOf } from '../admin/prices';
import { addDays } from '../admin/window';
import { ADMIN_GROUP, knowledgeEnv } from '../testing/knowledge';
import { call, signToken } from '../testing/support';
import { insertRecords, resetUsage, seedUsage } from '../testing/usage';

const SEED: SeedOptions = { endDay: '2026-11-30', days: 35, teammates: 24, payloads: true, seed: 7 };
const TO = SEED.endDay;
const DAYS = 28;
const FROM = addDays(TO, -(DAYS - 1));

let records: SeedRecord[];
let adminToken: string;

beforeAll(async () => {
  await resetUsage();
  records = await seedUsage(SEED);
  adminToken = await signToken({ sub: 'morgan', groups: [ADMIN_GROUP] });
});

const get = async (path: string, token: string | null = adminToken, overrides = {}) =>
  call(path, token ? { headers: { Authorization: `Bearer ${token}` } } : {}, await knowledgeEnv(overrides));

const events = () => records.map((record) => record.event);
const feedback = () => records.flatMap((record) => (record.feedback ? [record.feedback] : []));
const within = (from: string, to: string) => (row: { day: string }) => row.day >= from && row.day <= to;
const distinct = (rows: readonly UsageEventRow[]) => new Set(rows.map((row) => row.person)).size;

/** The percentile the histogram gives: the rank-th smallest value rounded up to its 10-ms bucket. */
function bucketedPercentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const buckets = values
    .map((value) => (value < 10_000 ? (Math.floor(value / 10) + 1) * 10 : (Math.floor(value / 1000) + 1) * 1000))
    .sort((a, b) => a - b);
  return buckets[Math.max(1, Math.ceil((p / 100) * buckets.length)) - 1] ?? null;
}

const ROUTES = [
  '/v1/admin/session',
  `/v1/admin/overview?to=${TO}`,
  `/v1/admin/assistants?to=${TO}`,
  `/v1/admin/knowledge?to=${TO}`,
  '/v1/admin/feedback',
  `/v1/admin/usage.csv?from=${FROM}&to=${TO}`,
];

describe('admin routes: who may read them', () => {
  it.each(ROUTES)('%s refuses a signed-in person who is not an administrator (403 problem+json)', async (path) => {
    const response = await get(path, await signToken({ groups: ['sales-team'] }));
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    expect(Problem.parse(await response.json()).code).toBe('forbidden');
  });

  it.each(ROUTES)('%s refuses the admin API key and a missing token', async (path) => {
    expect((await get(path, 'test-admin-api-key')).status).toBe(401);
    expect((await get(path, null)).status).toBe(401);
  });

  it('answers an administrator (ADMIN_GROUPS) and the dev token in development', async () => {
    const session = await get('/v1/admin/session');
    expect(session.status).toBe(200);
    expect(session.headers.get('Cache-Control')).toBe('private, no-store');
    expect(await session.json()).toMatchObject({ subject: 'morgan' });
    expect((await get('/v1/admin/session', 'test-dev-token')).status).toBe(200);
  });

  it('refuses malformed queries with invalid_request', async () => {
    for (const path of [
      '/v1/admin/overview?days=0',
      '/v1/admin/overview?to=yesterday',
      '/v1/admin/feedback?limit=5000',
    ]) {
      const response = await get(path);
      expect(response.status).toBe(400);
      expect(Problem.parse(await response.json()).code).toBe('invalid_request');
    }
    const backwards = await get(`/v1/admin/usage.csv?from=${TO}&to=${FROM}`);
    expect(backwards.status).toBe(400);
  });
});

describe('GET /v1/admin/overview', () => {
  it('counts active people, questions, citations, errors, ratings and time to first token like the events say', async () => {
    const response = await get(`/v1/admin/overview?to=${TO}&days=${DAYS}`);
    expect(response.status).toBe(200);
    const overview = Overview.parse(await response.json());
    const inWindow = events().filter(within(FROM, TO));
    const week = events().filter(within(addDays(TO, -6), TO));
    const month = events().filter(within(addDays(TO, -29), TO));
    expect(overview.window).toEqual({ from: FROM, to: TO, days: DAYS });
    expect(overview.weeklyActive).toBe(distinct(week));
    expect(overview.seen30Days).toBe(distinct(month));
    expect(overview.dailyActive).toBe(distinct(events().filter(within(TO, TO))));
    expect(overview.weeklyActiveShare).toBeCloseTo(distinct(week) / distinct(month), 10);
    expect(overview.weeklyActive).toBeGreaterThan(0);

    expect(overview.totals.requests).toBe(inWindow.length);
    expect(overview.totals.questions).toBe(inWindow.filter((event) => event.action === 'chat').length);
    expect(overview.totals.answersWithCitations).toBe(inWindow.filter((event) => event.citations > 0).length);
    expect(overview.totals.errors).toBe(inWindow.filter((event) => event.error_code).length);
    const ratings = feedback().filter(within(FROM, TO));
    const up = ratings.filter((rating) => rating.rating === 'up').length;
    expect(overview.totals.thumbsUp).toBe(up);
    expect(overview.totals.thumbsDown).toBe(ratings.length - up);
    expect(overview.totals.thumbsUpRate).toBeCloseTo(up / ratings.length, 10);
    const ttfts = inWindow.flatMap((event) => (event.ttft_ms === null ? [] : [event.ttft_ms]));
    expect(overview.totals.ttftP50Ms).toBe(bucketedPercentile(ttfts, 50));
    expect(overview.totals.ttftP95Ms).toBe(bucketedPercentile(ttfts, 95));

    expect(overview.days).toHaveLength(DAYS);
    const lastDay = overview.days.at(-1);
    expect(lastDay?.questions).toBe(events().filter((e) => e.day === TO && e.action === 'chat').length);
    const codes = new Map<string, number>();
    for (const event of inWindow)
      if (event.error_code) codes.set(event.error_code, (codes.get(event.error_code) ?? 0) + 1);
    expect(Object.fromEntries(overview.errorsByCode.map((row) => [row.code, row.count]))).toEqual(
      Object.fromEntries(codes),
    );

    const sales = overview.groups.find((row) => row.group === 'sales-team');
    const isSales = (row: { groups: string }) => (JSON.parse(row.groups) as string[]).includes('sales-team');
    expect(sales).toMatchObject({
      weeklyActive: distinct(week.filter(isSales)),
      seen30Days: distinct(month.filter(isSales)),
      requests: inWindow.filter(isSales).length,
      thumbsUp: ratings.filter((rating) => isSales(rating) && rating.rating === 'up').length,
    });
  });

  it('narrows every number to one group', async () => {
    const overview = Overview.parse(
      await (await get(`/v1/admin/overview?to=${TO}&days=${DAYS}&group=support-team`)).json(),
    );
    const support = events().filter((event) => (JSON.parse(event.groups) as string[]).includes('support-team'));
    expect(overview.weeklyActive).toBe(distinct(support.filter(within(addDays(TO, -6), TO))));
    expect(overview.totals.requests).toBe(support.filter(within(FROM, TO)).length);
    expect(overview.groups.map((row) => row.group)).toEqual(['support-team']);
  });

  it('forgets a person whose events are erased: no roll-up keeps their pseudonym', async () => {
    const person = events().find((event) => event.day === TO)?.person as string;
    const before = Overview.parse(await (await get(`/v1/admin/overview?to=${TO}&days=${DAYS}`)).json());
    await env.DB.prepare('DELETE FROM usage_events WHERE person = ?').bind(person).run();
    const after = Overview.parse(await (await get(`/v1/admin/overview?to=${TO}&days=${DAYS}`)).json());
    expect(after.dailyActive).toBe(before.dailyActive - 1);
    const mine = events().filter((event) => event.person === person && within(FROM, TO)(event));
    expect(after.totals.requests).toBe(before.totals.requests - mine.length);
    for (const table of ['usage_daily_people', 'usage_daily_group_people']) {
      const left = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE person = ?`)
        .bind(person)
        .first<{ n: number }>();
      expect(left?.n).toBe(0);
    }
    // Put them back for the other tests.
    await env.DB.prepare('DELETE FROM feedback WHERE person = ?').bind(person).run();
    await env.DB.prepare('DELETE FROM usage_event_groups WHERE person = ?').bind(person).run();
    await insertRecords(records.filter((record) => record.event.person === person));
  });
});

describe('GET /v1/admin/assistants', () => {
  it('gives usage, people, rating, cost from the price table and the most asked questions', async () => {
    const report = AssistantsReport.parse(await (await get(`/v1/admin/assistants?to=${TO}&days=${DAYS}`)).json());
    const inWindow = events().filter(within(FROM, TO));
    const sales = report.assistants.find((row) => row.assistant === 'sales-coach');
    const mine = inWindow.filter((event) => event.assistant === 'sales-coach');
    expect(sales?.requests).toBe(mine.length);
    expect(sales?.people).toBe(distinct(mine));
    let cost = 0;
    for (const event of mine)
      cost += event.model ? (costOf(event.model, event.tokens_in, event.tokens_out) ?? Number.NaN) : 0;
    expect(sales?.costUsd).toBeCloseTo(cost, 6);
    const ratings = feedback()
      .filter(within(FROM, TO))
      .filter((rating) => rating.assistant === 'sales-coach');
    expect((sales?.thumbsUp ?? 0) + (sales?.thumbsDown ?? 0)).toBe(ratings.length);
    const asked = new Map<string, number>();
    for (const event of mine) asked.set(event.question as string, (asked.get(event.question as string) ?? 0) + 1);
    const top = [...asked].sort((a, b) => b[1] - a[1])[0];
    expect(sales?.topQuestions[0]).toEqual({ question: top?.[0], count: top?.[1] });
    expect(report.questionsLogged).toBe(true);
    expect(report.prices.find((price) => price.model === 'gpt-4o-mini')).toBeDefined();
  });
});

describe('GET /v1/admin/knowledge', () => {
  const isGap = (event: UsageEventRow) =>
    event.question !== null && (event.retrieval_hits === 0 || (event.best_score ?? 1) < 0.02);

  it('groups unanswered and badly rated questions by shared words, with counts, examples and a hint', async () => {
    const report = KnowledgeReport.parse(
      await (await get(`/v1/admin/knowledge?to=${TO}&days=${DAYS}`, adminToken, { EMBEDDINGS: 'false' })).json(),
    );
    expect(report.gaps.method).toBe('word-overlap');
    const germany = report.gaps.clusters.find((cluster) => /german/i.test(cluster.label));
    expect(germany).toBeDefined();
    expect(germany?.examples.every((example) => /german/i.test(example))).toBe(true);
    expect(germany?.hint).toMatch(/^(Create|Update) a document/);
    const inWindow = events().filter(within(FROM, TO));
    const expectedUnanswered = inWindow.filter((event) => isGap(event) && /german/i.test(event.question ?? '')).length;
    expect((germany?.noResults ?? 0) + (germany?.lowScore ?? 0)).toBe(expectedUnanswered);
    const byMessage = new Map(inWindow.map((event) => [event.message_id, event]));
    const disliked = feedback()
      .filter(within(FROM, TO))
      .filter(
        (rating) =>
          rating.reason === 'not_grounded' && /german/i.test(byMessage.get(rating.message_id)?.question ?? ''),
      );
    expect(germany?.notGrounded).toBe(disliked.length);
    // Answered sales questions are not gaps.
    expect(report.gaps.clusters.some((cluster) => cluster.label.includes('three-year Enterprise'))).toBe(false);
  });

  it('groups by embedding similarity when an embedding model is configured, counting the same questions', async () => {
    const byWords = KnowledgeReport.parse(
      await (await get(`/v1/admin/knowledge?to=${TO}&days=${DAYS}`, adminToken, { EMBEDDINGS: 'false' })).json(),
    );
    const byVectors = KnowledgeReport.parse(await (await get(`/v1/admin/knowledge?to=${TO}&days=${DAYS}`)).json());
    expect(byVectors.gaps.method).toBe('embeddings');
    const sum = (report: KnowledgeReport) => report.gaps.clusters.reduce((total, cluster) => total + cluster.count, 0);
    expect(sum(byVectors)).toBe(sum(byWords));
  });

  it('lists documents per space', async () => {
    await env.DB.prepare(
      `INSERT OR REPLACE INTO documents (id, space, title, content_hash, embedding_model, chunk_count, ingested_at)
       VALUES ('d1', 'sales', 'Pricing', 'h', 'none', 3, '2026-11-20T10:00:00.000Z'),
              ('d2', 'sales', 'Discounts', 'h', 'none', 2, '2026-11-25T10:00:00.000Z')`,
    ).run();
    const report = KnowledgeReport.parse(
      await (await get(`/v1/admin/knowledge?to=${TO}`, adminToken, { EMBEDDINGS: 'false' })).json(),
    );
    expect(report.spaces).toContainEqual({
      space: 'sales',
      documents: 2,
      chunks: 5,
      lastIngestedAt: '2026-11-25T10:00:00.000Z',
    });
    await env.DB.prepare("DELETE FROM documents WHERE id IN ('d1', 'd2')").run();
  });
});

describe('GET /v1/admin/feedback', () => {
  it('filters by reason and pages through every rating once, with the answer and its sources', async () => {
    const expected = feedback().filter((rating) => rating.reason === 'not_grounded');
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const query = `/v1/admin/feedback?reason=not_grounded&limit=7${before ? `&before=${encodeURIComponent(before)}` : ''}`;
      const page = FeedbackList.parse(await (await get(query)).json());
      for (const item of page.items) {
        expect(item.reason).toBe('not_grounded');
        expect(item.rating).toBe('down');
        expect(item.question).toBeTruthy();
      }
      seen.push(...page.items.map((item) => item.id));
      before = page.next;
    } while (before);
    expect(seen.sort()).toEqual(expected.map((rating) => rating.id).sort());
    const withSources = FeedbackList.parse(await (await get('/v1/admin/feedback?rating=up&limit=200')).json());
    expect(withSources.items.some((item) => item.sources.length > 0 && item.answer)).toBe(true);
  });
});

/** RFC 4180 reader, to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index++;
    } else cell += char;
  }
  return rows;
}

describe('GET /v1/admin/usage.csv', () => {
  it('streams every event of the days as text/csv, and neutralises formulas in attacker text', async () => {
    const attack: SeedRecord = {
      event: {
        ...(events()[0] as UsageEventRow),
        id: 'attack',
        message_id: 'msg-attack',
        at: `${TO}T23:59:59.999Z`,
        day: TO,
        question: '=cmd|" /C calc"!A0',
        answer: '@SUM(1+1)\r\n+HYPERLINK("http://evil.example")',
        page_site: '-2+3',
        assistant: '＝1+1',
      },
    };
    await insertRecords([attack]);
    const response = await get(`/v1/admin/usage.csv?from=${FROM}&to=${TO}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toContain('attachment');
    const text = await response.text();
    const rows = parseCsv(text);
    expect(rows[0]?.[0]).toBe('at');
    expect(rows.length - 1).toBe(events().filter(within(FROM, TO)).length + 1);
    const last = rows.at(-1) ?? [];
    const column = (name: string) => last[(rows[0] ?? []).indexOf(name)];
    expect(column('question')).toBe('\'=cmd|" /C calc"!A0');
    expect(column('answer')).toBe('\'@SUM(1+1)\r\n+HYPERLINK("http://evil.example")');
    expect(column('page_site')).toBe("'-2+3");
    expect(column('assistant')).toBe("'＝1+1");
    // No cell a spreadsheet would evaluate: every text cell is quoted and none starts with a formula sign.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r＝＋＠]/);
    expect(text).toContain('"\'=cmd|"" /C calc""!A0"');
    await env.DB.prepare("DELETE FROM usage_events WHERE id = 'attack'").run();
  });
});
