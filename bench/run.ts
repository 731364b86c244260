/**
 * `npm run bench [-- name…]`: runs the named benchmarks (all when none is named). Each benchmark is
 * `bench/<name>.ts` exporting a default async function that prints its own table with `printTable`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const helpers = new Set(['run', 'table']);
const available = readdirSync(here)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => file.replace(/\.ts$/, ''))
  .filter((name) => !helpers.has(name) && !name.startsWith('_'));

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(2);
}

for (const name of requested.length > 0 ? requested : available) {
  const module = (await import(join(here, `${name}.ts`))) as { default: () => Promise<void> };
  console.log(`\n=== bench: ${name} ===`);
  await module.default();
}
