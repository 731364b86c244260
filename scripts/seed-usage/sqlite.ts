/**
 * Writes seeded usage straight into the local D1 database file that `wrangler dev` uses (Miniflare keeps each
 * D1 database as a SQLite file under `<persist-to>/v3/d1/`). Only while no worker has the file open: `npm run
 * dev` and the admin benchmark call it after applying the migrations and before starting the worker.
 *
 * A million events through the per-row roll-up triggers take many minutes; in bulk mode the triggers are set
 * aside, the rows go in, and the roll-ups are rebuilt with the migration's own backfill block — the same
 * numbers (sqlite.test.ts compares both ways), in one transaction.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { rollupBackfillSql } from './backfill';
import { generateUsage, type SeedOptions } from './generate';
import { ROLLUPS } from './rollups';
import { statementsFor } from './sql';

export { ROLLUPS };

/** Tables whose triggers keep the roll-ups: set aside during a bulk load. */
const TRIGGER_TABLES = ['usage_events', 'feedback', ...ROLLUPS];

export function localD1File(persistTo: string): string {
  const folder = join(persistTo, 'v3/d1/miniflare-D1DatabaseObject');
  const files = readdirSync(folder).filter((file) => file.endsWith('.sqlite') && file !== 'metadata.sqlite');
  if (files.length !== 1) throw new Error(`Expected one local D1 database in ${folder}, found ${files.length}.`);
  return join(folder, files[0] as string);
}

export interface SeedResult {
  events: number;
  feedback: number;
}

/** Adds the generated usage, skipping events already there (seeding twice adds nothing). */
export function seedUsageFile(
  file: string,
  options: SeedOptions,
  {
    bulk = true,
    replaceSeeded = false,
    onProgress,
  }: {
    bulk?: boolean;
    /** First remove every earlier seeded row (ids `seed-…`), so the seeded weeks end today again; real rows stay. */
    replaceSeeded?: boolean;
    onProgress?: (events: number) => void;
  } = {},
): SeedResult {
  const db = new DatabaseSync(file);
  const statements = new Map<string, StatementSync>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql.replace(/^INSERT (OR IGNORE )?INTO/, 'INSERT OR IGNORE INTO'));
      statements.set(sql, statement);
    }
    return statement;
  };
  const result: SeedResult = { events: 0, feedback: 0 };
  db.exec('BEGIN');
  try {
    const triggers = bulk
      ? (db
          .prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (SELECT value FROM json_each(?))",
          )
          .all(JSON.stringify(TRIGGER_TABLES)) as { name: string; sql: string }[])
      : [];
    for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name}"`);
    if (replaceSeeded) {
      db.exec(`DELETE FROM feedback WHERE id LIKE 'fb-seed-%';
               DELETE FROM usage_event_groups WHERE event_id LIKE 'seed-%';
               DELETE FROM usage_events WHERE id LIKE 'seed-%';`);
    }
    for (const record of generateUsage(options)) {
      const [event, ...rest] = statementsFor(record);
      if (!event || prepare(event[0]).run(...event[1]).changes === 0) continue;
      for (const [sql, values] of rest) prepare(sql).run(...values);
      result.events++;
      if (record.feedback) result.feedback++;
      if (result.events % 100_000 === 0) onProgress?.(result.events);
    }
    if (bulk) {
      for (const table of ROLLUPS) db.exec(`DELETE FROM ${table}`);
      db.exec(rollupBackfillSql());
      for (const trigger of triggers) db.exec(trigger.sql);
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  } finally {
    db.close();
  }
  return result;
}
