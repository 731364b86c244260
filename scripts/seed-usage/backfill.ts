import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const migrations = resolve(import.meta.dirname, '../../migrations');

/**
 * The roll-up backfills of the console migrations, in order: their `backfill:start` … `backfill:end` blocks.
 * Run on tables whose roll-up triggers are set aside, they rebuild every roll-up (scripts/seed-usage/rollups.ts)
 * from usage_events and feedback: the seeder's bulk load, and the truth the worker's roll-up test compares with.
 */
export function rollupBackfillSql(): string {
  const files = readdirSync(migrations)
    .filter((name) => /_console[\w-]*\.sql$/.test(name))
    .sort();
  if (files.length === 0) throw new Error('The console migrations (migrations/*_console*.sql) are missing.');
  return files
    .map((file) => {
      const text = readFileSync(join(migrations, file), 'utf8');
      const block = /-- backfill:start\n([\s\S]*?)-- backfill:end/.exec(text)?.[1];
      if (!block) throw new Error(`${file} has no backfill block.`);
      return block;
    })
    .join('\n');
}

/** The backfill as single statements (D1 runs one statement per prepare), comments dropped. */
export function rollupBackfillStatements(): string[] {
  return rollupBackfillSql()
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .split(/;\s*\n/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
