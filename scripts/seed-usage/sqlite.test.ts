import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import type { SeedOptions } from './generate';
import { ROLLUPS, seedUsageFile } from './sqlite';

const scratch = mkdtempSync(join(tmpdir(), 'beside-seed-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function migratedDatabase(name: string): string {
  const file = join(scratch, name);
  const db = new DatabaseSync(file);
  const folder = resolve(import.meta.dirname, '../../migrations');
  for (const migration of readdirSync(folder)
    .filter((entry) => entry.endsWith('.sql'))
    .sort()) {
    db.exec(readFileSync(join(folder, migration), 'utf8'));
  }
  db.close();
  return file;
}

function dump(file: string): Record<string, unknown[]> {
  const db = new DatabaseSync(file);
  const tables = Object.fromEntries(
    ROLLUPS.map((table) => [
      table,
      db
        .prepare(`SELECT * FROM ${table}`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
  db.close();
  return tables;
}

describe('seeding usage into a local D1 file', () => {
  const options: SeedOptions = { endDay: '2026-11-30', days: 21, teammates: 30, payloads: true, seed: 3 };

  it('builds the same roll-ups in bulk (migration backfill) as row by row (triggers)', () => {
    const byTriggers = migratedDatabase('triggers.sqlite');
    const inBulk = migratedDatabase('bulk.sqlite');
    const first = seedUsageFile(byTriggers, options, { bulk: false });
    const second = seedUsageFile(inBulk, options, { bulk: true });
    expect(second).toEqual(first);
    expect(first.events).toBeGreaterThan(500);
    const expected = dump(byTriggers);
    expect(expected.usage_daily_group_people?.length).toBeGreaterThan(0);
    expect(dump(inBulk)).toEqual(expected);
  });

  it('keeps the triggers after a bulk load, and adds nothing when run twice', () => {
    const file = migratedDatabase('twice.sqlite');
    const first = seedUsageFile(file, options);
    expect(seedUsageFile(file, options)).toEqual({ events: 0, feedback: 0 });
    const db = new DatabaseSync(file);
    const triggers = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'usage_events'")
      .all();
    expect(triggers.map((row) => row.name).sort()).toEqual([
      'usage_question_changed',
      'usage_question_rated_delete',
      'usage_rollup_delete',
      'usage_rollup_insert',
      'usage_scale_delete',
      'usage_scale_insert',
    ]);
    const requests = db.prepare('SELECT sum(requests) AS n FROM usage_daily').get() as { n: number };
    expect(requests.n).toBe(first.events);
    db.close();
  });
});
