/** Shared setup of the knowledge tests: spaces, admins, an empty knowledge base, and route helpers. */
import { env } from 'cloudflare:test';
import type { DocumentInput, SearchResponse } from '../../shared/knowledge';
import type { Env } from '../env';
import { call, DEV_TOKEN, jsonInit, testEnv } from './support';

export const TEST_SPACES = {
  company: ['*'],
  sales: ['sales-team'],
  support: ['support-team'],
  hr: ['hr-team'],
};
export const ADMIN_GROUP = 'kb-admins';
export const ADMIN_API_KEY = 'test-admin-api-key';

export function knowledgeEnv(overrides: Partial<Env> = {}): Promise<Env> {
  return testEnv({
    SPACES: JSON.stringify(TEST_SPACES),
    ADMIN_GROUPS: ADMIN_GROUP,
    ADMIN_API_KEY,
    ...overrides,
  });
}

/** An environment whose model server refuses connections (nothing listens on port 9). */
export function brokenModelEnv(overrides: Partial<Env> = {}): Promise<Env> {
  return knowledgeEnv({ OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', MODEL_TIMEOUT_MS: '2000', ...overrides });
}

/** Storage is shared by the tests of one file: each knowledge test starts from an empty knowledge base. */
export async function resetKnowledge(): Promise<void> {
  await env.DB.batch([
    env.DB.prepare('DELETE FROM chunks'),
    env.DB.prepare('DELETE FROM documents'),
    env.DB.prepare('DELETE FROM vector_garbage'),
    env.DB.prepare('DELETE FROM vector_entries'),
    env.DB.prepare('UPDATE vector_state SET dimensions = NULL, generation = ?').bind(crypto.randomUUID()),
  ]);
}

export async function putDocument(document: DocumentInput, environment?: Env, token: string | null = DEV_TOKEN) {
  return call('/v1/documents', jsonInit(document, token), environment ?? (await knowledgeEnv()));
}

export async function searchAs(token: string, body: Record<string, unknown>, environment?: Env) {
  const response = await call('/v1/search', jsonInit(body, token), environment ?? (await knowledgeEnv()));
  return { response, body: (await response.json()) as SearchResponse };
}

export async function count(table: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>();
  return row?.n ?? 0;
}
