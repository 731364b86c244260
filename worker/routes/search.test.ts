import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { SearchResponse } from '../../shared/knowledge';
import { LocalVectorIndex } from '../adapters/local/vector-index';
import type { VectorRecord } from '../ports/vector-index';
import { knowledgeEnv, putDocument, resetKnowledge, searchAs, TEST_SPACES } from '../testing/knowledge';
import { call, DEV_TOKEN, jsonInit, signToken } from '../testing/support';

/**
 * Permission-aware search: documents in every space share vocabulary, so any query could match any space;
 * only the space filter can keep them apart. Each text carries its space's marker to spot leaks.
 */
const TOPICS = [
  ['Pricing', 'The pricing of the enterprise plan, discounts, invoices and the annual contract.'],
  ['Refunds', 'Refund policy: customers may ask for a refund of unused months; billing handles invoices.'],
  ['Leave', 'Parental leave policy, salary during leave, and how managers approve time off.'],
  ['Security', 'SSO with SAML, security reviews, data retention policy and the trust portal.'],
  ['Competitors', 'How we win against competitors on price, support quality and security.'],
];
const SPACES = Object.keys(TEST_SPACES);
const marker = (space: string) => `MARKER-${space.toUpperCase()}`;

const QUERIES = [
  'pricing',
  'refund policy',
  'parental leave salary',
  'SSO SAML security review',
  'competitors price',
  'annual contract discount',
  'how do managers approve time off',
  'data retention',
  'invoices billing',
  'policy',
  'MARKER-HR',
  'MARKER-SALES',
  'salary',
  'trust portal',
  'enterprise plan',
  'support quality',
];

beforeAll(async () => {
  await resetKnowledge();
  for (const space of SPACES) {
    for (const [index, [heading, text]] of TOPICS.entries()) {
      const response = await putDocument({
        id: `${space}/${index}`,
        title: `${heading} (${space})`,
        space,
        url: `https://kb.example.com/${space}/${index}`,
        markdown: `# ${heading}\n\n${text} ${marker(space)}.`,
      });
      expect(response.status).toBe(201);
    }
  }
});

const cases: { who: string; groups: string[]; allowed: string[] }[] = [
  { who: 'a person in no group', groups: [], allowed: ['company'] },
  { who: 'sales', groups: ['sales-team'], allowed: ['company', 'sales'] },
  { who: 'support', groups: ['support-team'], allowed: ['company', 'support'] },
  { who: 'HR', groups: ['hr-team'], allowed: ['company', 'hr'] },
  {
    who: 'sales and support',
    groups: ['sales-team', 'support-team', 'unrelated'],
    allowed: ['company', 'sales', 'support'],
  },
];

describe('POST /v1/search permissions', () => {
  it.each(cases)('$who sees only $allowed, across every query and mode', async ({ groups, allowed }) => {
    const token = await signToken({ groups });
    const seen = new Set<string>();
    for (const query of QUERIES) {
      for (const mode of ['hybrid', 'keyword', 'vector']) {
        const { response, body } = await searchAs(token, { query, k: 50, mode });
        expect(response.status).toBe(200);
        SearchResponse.parse(body);
        for (const result of body.results) {
          expect(allowed).toContain(result.space);
          const leaked = SPACES.filter((space) => !allowed.includes(space)).map(marker);
          for (const secret of leaked) expect(result.text).not.toContain(secret);
          seen.add(result.space);
        }
      }
    }
    // Not vacuous: every allowed space did come back for some query.
    expect([...seen].sort()).toEqual([...allowed].sort());
  });

  it('lets `spaces` narrow but never widen', async () => {
    const token = await signToken({ groups: ['sales-team'] });
    const narrowed = await searchAs(token, { query: 'pricing', k: 50, spaces: ['sales', 'hr'] });
    expect(new Set(narrowed.body.results.map((result) => result.space))).toEqual(new Set(['sales']));
    const widened = await searchAs(token, { query: 'parental leave', k: 50, spaces: ['hr'] });
    expect(widened.body.results).toEqual([]);
  });

  it('gives administrators (the dev token in development) every space', async () => {
    const { body } = await searchAs(DEV_TOKEN, { query: 'policy', k: 50 });
    expect(new Set(body.results.map((result) => result.space))).toEqual(new Set(SPACES));
  });

  it('re-checks results: a vector whose metadata lies about its space still cannot leak', async () => {
    const chunk = await env.DB.prepare("SELECT id FROM chunks WHERE space = 'hr' LIMIT 1").first<{ id: string }>();
    const index = new LocalVectorIndex(env.DB);
    const [stored] = await index.getByIds([chunk?.id as string]);
    await index.upsert([{ ...(stored as VectorRecord), metadata: { space: 'company', documentId: 'x' } }]);
    const token = await signToken({ groups: [] });
    for (const query of QUERIES) {
      const { body } = await searchAs(token, { query, k: 50, mode: 'vector' });
      expect(body.results.every((result) => result.space === 'company')).toBe(true);
    }
  });

  it('fails closed when SPACES is not valid, and says why', async () => {
    const environment = await knowledgeEnv({ SPACES: '{"company": "everyone"}' });
    const { response, body } = await searchAs(DEV_TOKEN, { query: 'pricing' }, environment);
    expect(response.status).toBe(503);
    const problem = body as unknown as { code: string; detail: string };
    expect(problem.code).toBe('server_misconfigured');
    expect(problem.detail).toContain('SPACES');
  });

  it('ranks the matching section first and de-duplicates sections', async () => {
    const { body } = await searchAs(DEV_TOKEN, { query: 'parental leave salary', k: 10, spaces: ['hr'] });
    expect(body.mode).toBe('hybrid');
    expect(body.results[0]?.heading).toBe('Leave');
    expect(body.results[0]).toMatchObject({ documentId: 'hr/2', space: 'hr', url: 'https://kb.example.com/hr/2' });
    const sections = body.results.map((result) => `${result.documentId}#${result.heading}`);
    expect(new Set(sections).size).toBe(sections.length);
  });
});

describe('POST /v1/search validation', () => {
  it.each([
    [{ query: '' }, 'query'],
    [{ query: 'x', k: 0 }, 'k'],
    [{ query: 'x', k: 51 }, 'k'],
    [{ query: 'x', spaces: ['Not Valid'] }, 'spaces.0'],
    [{ query: 'x', spaces: [] }, 'spaces'],
    [{ query: 'x', mode: 'magic' }, 'mode'],
    [{ k: 3 }, 'query'],
  ])('rejects %j', async (body, path) => {
    const response = await call('/v1/search', jsonInit(body), await knowledgeEnv());
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { code: string; issues: { path: string }[] };
    expect(problem.code).toBe('invalid_request');
    expect(problem.issues.map((issue) => issue.path)).toContain(path);
  });

  it('needs a sign-in', async () => {
    const response = await call('/v1/search', jsonInit({ query: 'pricing' }, null), await knowledgeEnv());
    expect(response.status).toBe(401);
  });

  it('searches by keyword only, and says so, without an embedding model', async () => {
    const environment = await knowledgeEnv({ OPENAI_BASE_URL: undefined, OPENAI_API_KEY: undefined });
    const { body } = await searchAs(DEV_TOKEN, { query: 'parental leave' }, environment);
    expect(body.mode).toBe('keyword');
    expect(body.notice).toMatch(/keyword/i);
    expect(body.results[0]?.heading).toBe('Leave');
  });

  it('falls back to keyword search when the embedding model is down', async () => {
    const environment = await knowledgeEnv({ OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    const { body } = await searchAs(DEV_TOKEN, { query: 'parental leave' }, environment);
    expect(body.mode).toBe('keyword');
    expect(body.notice).toMatch(/did not answer/);
    expect(body.results.length).toBeGreaterThan(0);
  });
});
