import { env } from 'cloudflare:test';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROBLEM_CONTENT_TYPE, Problem } from '../../shared/errors';
import { CitedSource, SearchResponse } from '../../shared/knowledge';
import type { Env } from '../../worker/env';
import { KNOWLEDGE_UNAVAILABLE } from '../../worker/knowledge/for-prompt';
import { VECTOR_INDEX_FAILED_NOTICE } from '../../worker/knowledge/retrieve';
import { knowledgeEnv, putDocument, resetKnowledge } from '../../worker/testing/knowledge';
import { call, DEV_TOKEN, jsonInit, readUIStream, textOf, userMessage } from '../../worker/testing/support';

/**
 * Attack (availability): anything that makes the vector index fail during a query (an outage, a binding
 * error, an index built with another embedding model) turned every search and chat into a 500. Defence:
 * retrieval catches it, serves the keyword results marked degraded (one log line), answers 503
 * vector_index_error when nothing can be served, and chat answers without passages, saying so.
 */

/** A Vectorize binding that fails every call, as the port's Cloudflare adapter sees an outage. */
const failingVectorize = new Proxy(
  {},
  {
    get: () => async () => {
      throw new Error('VECTOR_QUERY_ERROR (code = 40001): the index is unavailable');
    },
  },
) as Vectorize;

/** D1 whose full-text queries fail (the keyword index), everything else untouched. */
function failingKeywordDb(): D1Database {
  return new Proxy(env.DB, {
    get(target, property) {
      if (property === 'prepare') {
        return (sql: string) => {
          if (sql.includes('MATCH')) throw new Error('D1_ERROR: no such table: chunks_fts');
          return target.prepare(sql);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

let broken: Env;

beforeAll(async () => {
  await resetKnowledge();
  for (const [id, text] of [
    ['refunds', 'Annual plans are refundable within 30 days of purchase.'],
    ['sso', 'Single sign-on uses SAML 2.0 with your identity provider.'],
  ] as const) {
    expect((await putDocument({ id, title: id, space: 'support', markdown: `# ${id}\n\n${text}` })).status).toBe(201);
  }
  broken = await knowledgeEnv({ VECTORIZE: failingVectorize });
});

afterEach(() => vi.restoreAllMocks());

async function search(body: Record<string, unknown>, environment: Env = broken) {
  return call('/v1/search', jsonInit(body, DEV_TOKEN), environment);
}

describe('a vector index that fails during a query', () => {
  it.each(['hybrid', 'vector'] as const)(
    'serves keyword results, marked degraded (%s), with one log line',
    async (mode) => {
      const warn = vi.spyOn(console, 'warn');
      const response = await search({ query: 'refundable annual plans', mode });
      expect(response.status).toBe(200);
      const body = SearchResponse.parse(await response.json());
      expect(body).toMatchObject({ mode: 'keyword', degraded: true, notice: VECTOR_INDEX_FAILED_NOTICE });
      expect(body.results[0]?.documentId).toBe('refunds');
      const lines = warn.mock.calls.map((args) => String(args[0])).filter((line) => line.includes('vector_index'));
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] as string)).toMatchObject({ event: 'vector_index_query_failed', index: 'vectorize' });
    },
  );

  it('answers 503 vector_index_error problem+json when nothing can be served', async () => {
    const response = await search({ query: '???' });
    expect(response.status).toBe(503);
    expect(response.headers.get('Content-Type')).toContain(PROBLEM_CONTENT_TYPE);
    const problem = Problem.parse(await response.json());
    expect(problem).toMatchObject({ code: 'vector_index_error', status: 503, retryable: true });
    expect(problem.detail).toMatch(/Try again/);
    expect(problem.detail).toMatch(/VECTORIZE/);
  });

  it('serves the vector results when the keyword index fails instead', async () => {
    const environment = await knowledgeEnv({ DB: failingKeywordDb() });
    const response = await search({ query: 'refundable annual plans' }, environment);
    expect(response.status).toBe(200);
    const body = SearchResponse.parse(await response.json());
    expect(body).toMatchObject({ mode: 'vector', degraded: true });
    expect(body.results.map((result) => result.documentId)).toContain('refunds');
  });

  it('answers 503 when both indexes fail', async () => {
    const environment = await knowledgeEnv({ DB: failingKeywordDb(), VECTORIZE: failingVectorize });
    const response = await search({ query: 'refundable annual plans' }, environment);
    expect(response.status).toBe(503);
    expect(Problem.parse(await response.json()).code).toBe('vector_index_error');
  });

  it('refuses an ingest the index cannot take with 503, the stored version intact', async () => {
    const response = await putDocument(
      { id: 'refunds', title: 'refunds', space: 'support', markdown: '# refunds\n\nChanged.' },
      broken,
    );
    expect(response.status).toBe(503);
    expect(Problem.parse(await response.json()).code).toBe('vector_index_error');
    const row = await env.DB.prepare("SELECT text FROM chunks WHERE document_id = 'refunds'").first<{ text: string }>();
    expect(row?.text).toContain('30 days');
  });
});

describe('chat while retrieval fails', () => {
  it('still answers with the keyword passages when only the vector index fails', async () => {
    const response = await call(
      '/v1/chat',
      jsonInit({ messages: [userMessage('Are annual plans refundable?')] }, DEV_TOKEN),
      broken,
    );
    expect(response.status).toBe(200);
    const chunks = await readUIStream(response);
    const sources = chunks
      .filter((chunk) => chunk.type === 'source-url' || chunk.type === 'source-document')
      .map((chunk) => CitedSource.parse((chunk.providerMetadata as { beside: unknown }).beside));
    expect(sources[0]?.documentId).toBe('refunds');
    expect(chunks.some((chunk) => chunk.type === 'error')).toBe(false);
  });

  it('answers without passages and says so when nothing can be searched', async () => {
    const environment = await knowledgeEnv({ DB: failingKeywordDb(), VECTORIZE: failingVectorize });
    const response = await call(
      '/v1/chat',
      jsonInit({ messages: [userMessage('[[echo-system]] Are annual plans refundable?')] }, DEV_TOKEN),
      environment,
    );
    expect(response.status).toBe(200);
    const chunks = await readUIStream(response);
    expect(chunks.some((chunk) => chunk.type.startsWith('source-'))).toBe(false);
    expect(chunks.some((chunk) => chunk.type === 'error')).toBe(false);
    expect(textOf(chunks)).toContain(KNOWLEDGE_UNAVAILABLE);
  });
});
