import { usageExportColumns } from '../../shared/admin';
import { csvRow } from './csv';
import { addDays } from './window';

/**
 * Rows per query: a small first page so the first rows follow the header at once, then larger ones so a day of
 * ~20,000 events costs about ten queries. At most two pages are held at a time (the one being sent and the next one
 * being read), so memory stays flat however many days are exported.
 */
export interface ExportPaging {
  first: number;
  rest: number;
}
export const EXPORT_PAGING: ExportPaging = { first: 250, rest: 2_500 };

type Row = Record<(typeof usageExportColumns)[number], string | number | null> & { id: string };

interface Page {
  rows: Row[];
  /** The rows asked for: a shorter page is the last one. */
  size: number;
}

/**
 * Every usage event from `from` to `to` (days, inclusive) as CSV, oldest first, streamed page by page by keyset on
 * (at, id) through the usage_by_at index — each page starts strictly after the last row sent, so rows sharing a
 * timestamp across a page boundary are neither repeated nor skipped. The header goes out before any query; each page
 * is encoded while the database already reads the next.
 */
export function usageCsvStream(
  db: D1Database,
  from: string,
  to: string,
  paging: ExportPaging = EXPORT_PAGING,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const end = `${addDays(to, 1)}T00:00:00.000Z`;
  const query = db.prepare(
    `SELECT id, ${usageExportColumns.join(', ')} FROM usage_events
     WHERE at < ?1 AND (at, id) > (?2, ?3) ORDER BY at, id LIMIT ?4`,
  );
  const read = (after: readonly [string, string], size: number): Promise<Page> =>
    query
      .bind(end, after[0], after[1], size)
      .all<Row>()
      .then((result) => ({ rows: result.results, size }));
  let next: Promise<Page> | undefined;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(usageExportColumns)));
      next = read([`${from}T00:00:00.000Z`, ''], paging.first);
    },
    async pull(controller) {
      if (!next) return;
      const { rows, size } = await next;
      const last = rows.at(-1);
      next = last && rows.length === size ? read([String(last.at), last.id], paging.rest) : undefined;
      if (rows.length > 0) {
        controller.enqueue(
          encoder.encode(rows.map((row) => csvRow(usageExportColumns.map((column) => row[column]))).join('')),
        );
      }
      if (!next) controller.close();
    },
    cancel() {
      // The download was abandoned: a read still on its way is dropped (its failure is nobody's to report).
      next?.catch(() => {});
      next = undefined;
    },
  });
}
