/** Shared setup of the oversight tests: requests whose after-response work is awaited, and the stored rows. */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { createApp } from '../app';
import type { Env } from '../env';
import { pseudonymOf } from '../oversight/pseudonym';
import { TEST_PSEUDONYM_KEY, testEnv } from './support';

const app = createApp();

/**
 * Calls the worker with an execution context, reads the whole response, then waits for everything it left
 * to `waitUntil` (usage events are written after the stream ends).
 */
export async function callSettled(path: string, init: RequestInit = {}, environment?: Env) {
  const context = createExecutionContext();
  const response = await app.request(path, init, environment ?? (await testEnv()), context);
  const text = await response.text();
  await waitOnExecutionContext(context);
  return { response, text };
}

/** The pseudonym tests expect for a subject under the test key. */
export const testPseudonym = (subject: string) => pseudonymOf(subject, TEST_PSEUDONYM_KEY);

export interface StoredUsage {
  id: string;
  at: string;
  day: string;
  person: string;
  groups: string;
  assistant: string | null;
  action: string;
  model: string | null;
  message_id: string | null;
  conversation_id: string | null;
  tokens_in: number;
  tokens_out: number;
  ttft_ms: number | null;
  total_ms: number;
  retrieval_hits: number;
  best_score: number | null;
  citations: number;
  error_code: string | null;
  status: number;
  page_site: string | null;
  question: string | null;
  answer: string | null;
}

export async function usageEvents(): Promise<StoredUsage[]> {
  const { results } = await env.DB.prepare('SELECT * FROM usage_events ORDER BY at, rowid').all<StoredUsage>();
  return results;
}

/** Usage and feedback start empty in each test (the audit log is append-only: its tests use unique targets). */
export async function resetOversight(): Promise<void> {
  await env.DB.batch([
    env.DB.prepare('DELETE FROM usage_event_groups'),
    env.DB.prepare('DELETE FROM usage_events'),
    env.DB.prepare('DELETE FROM feedback'),
  ]);
}

/** Every row of every oversight table as one JSON text: what a payload check searches. */
export async function everythingStored(): Promise<string> {
  const tables = ['usage_events', 'usage_event_groups', 'feedback', 'audit_log'];
  const dumps = await Promise.all(tables.map((table) => env.DB.prepare(`SELECT * FROM ${table}`).all()));
  return JSON.stringify(dumps.map((dump) => dump.results));
}
