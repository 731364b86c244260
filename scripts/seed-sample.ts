/**
 * Seeds the sample knowledge base (knowledge-samples/<space>/*.md) into a running worker: what
 * `npm run dev` calls so a newcomer can ask questions right away. Re-seeding is cheap: unchanged
 * documents are skipped by the worker. Also runnable: `tsx scripts/seed-sample.ts [--url …] [--token …]`.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { collectDocuments } from './knowledge/collect';
import { formatSummary, type Summary, uploadDocuments } from './knowledge/upload';

export type { Summary } from './knowledge/upload';

export const SAMPLES_DIR = fileURLToPath(new URL('../knowledge-samples', import.meta.url));

export async function seedSampleKnowledge(options: {
  workerUrl: string;
  token: string;
  onProgress?: Parameters<typeof uploadDocuments>[0]['onProgress'];
}): Promise<Summary> {
  const spaces = (await readdir(SAMPLES_DIR, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const items = (await Promise.all(spaces.map((space) => collectDocuments(join(SAMPLES_DIR, space), space)))).flat();
  return uploadDocuments({
    workerUrl: options.workerUrl,
    token: options.token,
    items,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { url: { type: 'string' }, token: { type: 'string' } } });
  const token = values.token ?? process.env.BESIDE_TOKEN ?? process.env.DEV_TOKEN;
  if (!token) {
    console.error('A token is required: --token, BESIDE_TOKEN or DEV_TOKEN.');
    process.exit(2);
  }
  const summary = await seedSampleKnowledge({
    workerUrl: values.url ?? process.env.WORKER_URL ?? 'http://127.0.0.1:8787',
    token,
  });
  console.log(formatSummary(summary));
  process.exit(summary.errors.length > 0 ? 1 : 0);
}
