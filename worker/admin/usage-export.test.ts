import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { usageExportColumns } from '../../shared/admin';
import { resetUsage } from '../testing/usage';
import { usageCsvStream } from './usage-export';

/** Days no seeded test data uses. */
const FROM = '2031-03-01';
const TO = '2031-03-02';

interface Event {
  id: string;
  at: string;
  question?: string;
}

async function insert(events: readonly Event[]) {
  await env.DB.batch(
    events.map((event) =>
      env.DB.prepare(
        `INSERT INTO usage_events (id, at, day, person, action, total_ms, status, question)
         VALUES (?, ?, ?, 'person-1', 'chat', 100, 200, ?)`,
      ).bind(event.id, event.at, event.at.slice(0, 10), event.question ?? event.id),
    ),
  );
}

/** The CSV as text, and each chunk the stream sent (a page each, after the header). */
async function exported(paging: { first: number; rest: number }, from = FROM, to = TO) {
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  const reader = usageCsvStream(env.DB, from, to, paging).getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(decoder.decode(read.value));
  return { text: chunks.join(''), chunks };
}

/** The events' ids, in export order: each event's question is its id (no comma or line break in it). */
const idsOf = (text: string) =>
  text
    .trimEnd()
    .split('\r\n')
    .slice(1)
    .map((line) => JSON.parse(line.split(',')[usageExportColumns.indexOf('question')]!) as string);

/** `n` events, `perSecond` sharing each timestamp, in the order the export must give them (at, then id). */
function events(n: number, perSecond: number, day = FROM): Event[] {
  return Array.from({ length: n }, (_, index) => {
    const second = Math.floor(index / perSecond);
    const at = `${day}T10:${String(Math.floor(second / 60)).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}.000Z`;
    return { id: `e-${String(index).padStart(4, '0')}`, at };
  });
}

describe('usage export paging', () => {
  beforeEach(resetUsage);

  it('sends every row once, in order, when rows sharing a timestamp straddle page boundaries', async () => {
    // Five events per timestamp against pages of 2 then 3: every boundary falls inside a run of equal timestamps.
    const all = events(37, 5);
    await insert(all);
    const { text, chunks } = await exported({ first: 2, rest: 3 });
    expect(idsOf(text)).toEqual(all.map((event) => event.id));
    // A page per chunk, never more rows than a page: memory holds a page, not the export.
    const rowsPerChunk = chunks.slice(1).map((chunk) => chunk.split('\r\n').length - 1);
    expect(rowsPerChunk[0]).toBe(2);
    expect(Math.max(...rowsPerChunk.slice(1))).toBe(3);
    expect(rowsPerChunk.reduce((sum, rows) => sum + rows, 0)).toBe(37);
  });

  it('ends cleanly when the rows fill the last page exactly, and with the header alone when there are none', async () => {
    await insert(events(2 + 3 * 4, 1));
    expect(idsOf((await exported({ first: 2, rest: 3 })).text)).toHaveLength(14);
    const empty = await exported({ first: 2, rest: 3 }, '2031-04-01', '2031-04-01');
    expect(empty.text).toBe(`${usageExportColumns.join(',').replace(/[^,]+/g, (name) => `"${name}"`)}\r\n`);
  });

  it('includes the first and last millisecond of the days asked for, and nothing of the days around them', async () => {
    await insert([
      { id: 'before', at: '2031-02-28T23:59:59.999Z' },
      { id: 'first', at: `${FROM}T00:00:00.000Z` },
      { id: 'last', at: `${TO}T23:59:59.999Z` },
      { id: 'after', at: '2031-03-03T00:00:00.000Z' },
    ]);
    for (const paging of [
      { first: 1, rest: 1 },
      { first: 250, rest: 2_500 },
    ]) {
      expect(idsOf((await exported(paging)).text)).toEqual(['first', 'last']);
    }
  });

  it('keeps RFC 4180 quoting and the formula guard across pages', async () => {
    await insert([
      { id: 'a', at: `${FROM}T09:00:00.000Z`, question: 'He said "hi",\r\nthen left' },
      { id: 'b', at: `${FROM}T09:00:01.000Z`, question: '=HYPERLINK("http://evil.example")' },
    ]);
    const { text } = await exported({ first: 1, rest: 1 });
    expect(text).toContain('"He said ""hi"",\r\nthen left"');
    expect(text).toContain('"\'=HYPERLINK(""http://evil.example"")"');
  });
});
