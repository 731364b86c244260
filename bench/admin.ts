/**
 * `npm run bench -- admin`: every admin console query over a million usage events and 100,000 conversations in
 * local D1. Budget (DESIGN.md): each under 100 ms at p50.
 *
 * How: the migrations are applied to a fresh local D1 (as `wrangler dev` keeps it, SQLite under a temporary
 * folder), the deterministic generator (scripts/seed-usage/) writes ~1 M events of 90 days — with their
 * groups, ~140 k ratings and question text (PAYLOAD_LOGGING=full, the heavier case) — straight into that
 * SQLite file, plus 100,000 conversations with two messages each once the conversations table exists. Then the
 * real worker runs on it under `wrangler dev` and each admin route is timed over HTTP with the dev token:
 * an upper bound on the query (it includes HTTP, auth and JSON). "health" is the floor under every request.
 */
import { DatabaseSync } from 'node:sqlite';
import { startWranglerDev } from '../scripts/lib/wrangler-dev';
import type { SeedOptions } from '../scripts/seed-usage/generate';
import { localD1File, seedUsageFile } from '../scripts/seed-usage/sqlite';
import { percentile, printTable, sample } from './table';

const TOKEN = 'bench-dev-token';
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const CONVERSATIONS = 100_000;
/** Audit entries of a busy year: ingests, assistant edits, approved writes, sign-ins. */
const AUDIT_ENTRIES = 50_000;
const AUDIT_ACTIONS = ['document.ingest', 'document.delete', 'assistant.update', 'tool.write', 'admin.sign_in'];

function seedAudit(file: string, endDay: string): void {
  const db = new DatabaseSync(file);
  try {
    const stored = db.prepare('SELECT count(*) AS entries FROM audit_log').get() as { entries: number };
    if (stored.entries >= AUDIT_ENTRIES) return;
    const insert = db.prepare('INSERT INTO audit_log (at, actor, action, target, details) VALUES (?, ?, ?, ?, ?)');
    const end = Date.parse(`${endDay}T18:00:00Z`);
    db.exec('BEGIN');
    for (let index = AUDIT_ENTRIES; index > 0; index--) {
      insert.run(
        new Date(end - index * 150_000).toISOString(),
        `admin-${index % 40}@example.com`,
        AUDIT_ACTIONS[index % AUDIT_ACTIONS.length] as string,
        `target-${index % 900}`,
        JSON.stringify({ space: 'company', chunks: index % 30 }),
      );
    }
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}

function countConversations(file: string): number {
  const db = new DatabaseSync(file);
  try {
    return (db.prepare('SELECT count(*) AS n FROM conversations').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function seedConversations(file: string, endDay: string): number {
  const db = new DatabaseSync(file);
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'conversations'").get();
    if (!table) return 0;
    const conversation = db.prepare(
      `INSERT INTO conversations (id, owner, record_key, record_title, title, assistant, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const message = db.prepare(
      'INSERT INTO messages (conversation_id, id, role, text, sources, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const end = Date.parse(`${endDay}T18:00:00Z`);
    db.exec('BEGIN');
    for (let index = 0; index < CONVERSATIONS; index++) {
      const id = `bench-conv-${index}`;
      const at = new Date(end - (index % 90) * 86_400_000 - (index % 600) * 1000).toISOString();
      conversation.run(
        id,
        `owner-${index % 7500}`,
        `zendesk:acme:ticket:${index}`,
        `Ticket #${index}`,
        'Refund?',
        null,
        at,
        at,
      );
      message.run(id, `${id}-q`, 'user', 'What is the refund policy for annual plans?', '[]', at);
      message.run(id, `${id}-a`, 'assistant', 'Annual plans are refunded pro rata [1].', '[]', at);
    }
    db.exec('COMMIT');
    return CONVERSATIONS;
  } finally {
    db.close();
  }
}

export default async function adminBench(): Promise<void> {
  const endDay = new Date().toISOString().slice(0, 10);
  const options: SeedOptions = { endDay, days: 90, teammates: 7_500, payloads: true, requestsPerActiveDay: 6 };
  let seeded = { events: 0, feedback: 0 };
  let conversations = 0;
  let seedMs = 0;
  // ADMIN_BENCH_STATE=<folder>: keep (or reuse) the seeded local D1 there, so a second run skips the seeding.
  const reuse = process.env.ADMIN_BENCH_STATE;
  const worker = await startWranglerDev({
    vars: { ENVIRONMENT: 'development', DEV_TOKEN: TOKEN, EMBEDDINGS: 'false' },
    ...(reuse ? { persistTo: reuse } : {}),
    beforeStart(persistTo) {
      const file = localD1File(persistTo);
      const stored = new DatabaseSync(file);
      const existing = stored.prepare('SELECT count(*) AS events FROM usage_events').get() as { events: number };
      const feedbackRows = stored.prepare('SELECT count(*) AS rows FROM feedback').get() as { rows: number };
      stored.close();
      if (existing.events >= 1_000_000) {
        seeded = { events: existing.events, feedback: feedbackRows.rows };
      } else {
        const start = performance.now();
        seeded = seedUsageFile(file, options, { onProgress: (events) => console.log(`  seeded ${events} events…`) });
        seedConversations(file, endDay);
        seedMs = performance.now() - start;
      }
      seedAudit(file, endDay);
      conversations = countConversations(file);
    },
  });
  try {
    const headers = { Authorization: `Bearer ${TOKEN}` };
    const fetchOk = async (path: string) => {
      const response = await fetch(`${worker.url}${path}`, { headers });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };
    // Every request the console's pages make (admin/pages/*.tsx), with their filters. The console shows no
    // conversations (they are the panel's), so the 100,000 stored ones only weigh on the database here.
    const routes: [string, string][] = [
      ['health (floor)', '/v1/health'],
      ['session (console start)', '/v1/admin/session'],
      ['overview, 7 days', '/v1/admin/overview?days=7'],
      ['overview, 28 days', '/v1/admin/overview?days=28'],
      ['overview, 90 days', '/v1/admin/overview?days=90'],
      ['overview, one group', '/v1/admin/overview?days=28&group=support-team'],
      ['overview, one group, 90 days', '/v1/admin/overview?days=90&group=support-team'],
      ['assistants, 28 days', '/v1/admin/assistants?days=28'],
      ['assistants, 90 days', '/v1/admin/assistants?days=90'],
      ['knowledge + gaps, 28 days', '/v1/admin/knowledge?days=28'],
      ['knowledge + gaps, 90 days', '/v1/admin/knowledge?days=90'],
      ['feedback, first page', '/v1/admin/feedback?limit=25'],
      ['feedback, thumbs down', '/v1/admin/feedback?rating=down&limit=25'],
      ['feedback, not grounded', '/v1/admin/feedback?reason=not_grounded&limit=25'],
      ['feedback, one assistant', '/v1/admin/feedback?assistant=hr-policies&limit=25'],
      ['audit, first page', '/v1/admin/audit?limit=50'],
      ['audit, one action', '/v1/admin/audit?action=admin.sign_in&limit=50'],
      ['audit, one actor', '/v1/admin/audit?actor=admin-7%40example.com&limit=50'],
      ['usage export, one day (CSV)', `/v1/admin/usage.csv?from=${endDay}&to=${endDay}`],
    ];
    // A download is judged by its first byte as much as its end: the export streams, so its first rows arrive at once.
    const firstByte = async (path: string) => {
      const response = await fetch(`${worker.url}${path}`, { headers });
      if (!response.ok || !response.body) throw new Error(`${path}: ${response.status}`);
      const reader = response.body.getReader();
      await reader.read();
      await reader.cancel();
    };
    const exportDay = `/v1/admin/usage.csv?from=${endDay}&to=${endDay}`;
    const measured: [string, () => Promise<void>][] = [
      ...routes.map(([name, path]): [string, () => Promise<void>] => [name, () => fetchOk(path)]),
      ['usage export, one day: first byte', () => firstByte(exportDay)],
    ];
    const rows: (string | number)[][] = [];
    for (const [name, run] of measured) {
      const samples = await sample(RUNS, run);
      const p50 = percentile(samples, 50);
      rows.push([
        name,
        p50,
        percentile(samples, 95),
        // The floor is no query; the export is a file download (~19,000 rows, ~9 MB for a day), not a dashboard.
        name.startsWith('health') || name.includes('export') ? '' : p50 < 100 ? 'yes' : 'NO',
      ]);
    }
    printTable(
      `Admin queries over ${seeded.events.toLocaleString('en')} usage events, ${seeded.feedback.toLocaleString('en')} ratings, ${conversations.toLocaleString('en')} conversations, ${AUDIT_ENTRIES.toLocaleString('en')} audit entries (${seedMs ? `seeded in ${(seedMs / 1000).toFixed(0)} s` : 'reused'}), ${RUNS} runs each, HTTP through wrangler dev`,
      ['query', 'p50 ms', 'p95 ms', '< 100 ms p50'],
      rows,
    );
  } finally {
    await worker.stop();
  }
}
