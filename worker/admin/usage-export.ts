import { usageExportColumns } from '../../shared/admin';
import { csvRow } from './csv';
import { addDays } from './window';

const PAGE = 1_000;

type Row = Record<(typeof usageExportColumns)[number], string | number | null> & { id: string };

/**
 * Every usage event from `from` to `to` (days, inclusive) as CSV, oldest first, streamed page by page (keyset
 * on the time and id, through usage_by_at), so a year of events never sits in the worker's memory.
 */
export function usageCsvStream(db: D1Database, from: string, to: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const end = `${addDays(to, 1)}T00:00:00.000Z`;
  let cursor: [string, string] = [`${from}T00:00:00.000Z`, ''];
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvRow(usageExportColumns)));
      }
      const result = await db
        .prepare(
          `SELECT id, ${usageExportColumns.join(', ')} FROM usage_events
           WHERE at < ?1 AND (at, id) > (?2, ?3) ORDER BY at, id LIMIT ?4`,
        )
        .bind(end, cursor[0], cursor[1], PAGE)
        .all<Row>();
      const page = result.results;
      if (page.length > 0) {
        controller.enqueue(
          encoder.encode(page.map((row) => csvRow(usageExportColumns.map((column) => row[column]))).join('')),
        );
        const last = page.at(-1) as Row;
        cursor = [String(last.at), last.id];
      }
      if (page.length < PAGE) controller.close();
    },
  });
}
