/** Seeded usage in the test D1, through the same generator as `npm run dev` and the admin benchmark. */
import { env } from 'cloudflare:test';
import { generateUsage, type SeedOptions, type SeedRecord } from '../../scripts/seed-usage/generate';
import { statementsFor } from '../../scripts/seed-usage/sql';

export async function seedUsage(options: SeedOptions): Promise<SeedRecord[]> {
  const records = [...generateUsage(options)];
  await insertRecords(records);
  return records;
}

export async function insertRecords(records: readonly SeedRecord[]): Promise<void> {
  const statements = records.flatMap(statementsFor).map(([sql, values]) => env.DB.prepare(sql).bind(...values));
  for (let start = 0; start < statements.length; start += 500) await env.DB.batch(statements.slice(start, start + 500));
}

export async function resetUsage(): Promise<void> {
  await env.DB.batch([
    env.DB.prepare('DELETE FROM feedback'),
    env.DB.prepare('DELETE FROM usage_event_groups'),
    env.DB.prepare('DELETE FROM usage_events'),
  ]);
}
