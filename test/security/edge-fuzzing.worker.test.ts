import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { z } from 'zod';
import { ActionRequest, actionIds } from '../../shared/actions';
import { ChatRequest } from '../../shared/chat';
import { ErrorCode, PROBLEM_CONTENT_TYPE, Problem } from '../../shared/errors';
import { DocumentInput, ListDocumentsQuery, SearchRequest } from '../../shared/knowledge';
import type { PageContext } from '../../shared/page-context';
import type { Env } from '../../worker/env';
import { knowledgeEnv, putDocument, resetKnowledge } from '../../worker/testing/knowledge';
import { call, DEV_TOKEN, jsonInit, userMessage } from '../../worker/testing/support';

/**
 * Attack: any body at all, sent to every route that takes input. Each zod schema at the edge is fuzzed with
 * arbitrary JSON (fc.json / fc.anything), raw text that is not JSON, and shape-aware bodies: a valid body
 * with one field at a time replaced by a value that field's schema refuses. Defence (the property): the
 * answer is a 4xx application/problem+json valid per the shared Problem schema with a stable code (never a
 * 5xx), a 2xx only for a body the route's schema accepts, and the stored knowledge (documents, chunks,
 * vectors) is exactly what it was. FUZZ_RUNS (default 100 per route) runs deeper locally.
 */

const RUNS = inject('fuzzRuns');
/** Per property: generous for a loaded machine, and growing with FUZZ_RUNS. */
const TIMEOUT = 30_000 + RUNS * 300;

const page: PageContext = {
  url: 'https://acme.zendesk.com/agent/tickets/4711',
  title: 'Ticket #4711: Refund for annual plan',
  site: 'zendesk',
  kind: 'ticket',
  markdown: '# Refund for annual plan\n\nCustomer asks whether the annual plan can be refunded.',
  selection: { text: 'Can the annual plan be refunded?' },
  capturedAt: '2026-11-21T10:00:00.000Z',
};

let environment: Env;

beforeAll(async () => {
  await resetKnowledge();
  environment = await knowledgeEnv();
  for (const space of ['support', 'hr']) {
    const response = await putDocument(
      {
        id: `fuzz-seed-3f9c/${space}`,
        title: `Seed ${space}`,
        space,
        markdown: `# Refunds\n\nAnnual plans are refundable within 30 days (${space}).`,
      },
      environment,
    );
    expect(response.status).toBe(201);
  }
});

/** Everything stored about the knowledge base, in one query (it runs after every request). */
async function stored(): Promise<string> {
  const row = await env.DB.prepare(
    `SELECT
       (SELECT group_concat(id || ':' || space || ':' || content_hash || ':' || ingested_at, '|') FROM documents) AS documents,
       (SELECT group_concat(id || ':' || document_id || ':' || space || ':' || text, '|') FROM chunks) AS chunks,
       (SELECT group_concat(id, '|') FROM vector_entries) AS vectors`,
  ).first();
  return JSON.stringify(row);
}

/** What a body becomes on the wire (undefined dropped, NaN → null…): schemas are judged on that. */
function wire(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
}

/** A valid body with one field replaced by a value that the field's schema (and so the route's) refuses. */
function mutatedField(schema: z.ZodObject, base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(schema.shape);
  return fc
    .constantFrom(...keys)
    .chain((key) =>
      fc
        .oneof(fc.jsonValue(), fc.anything(), fc.string({ maxLength: 2_000 }), fc.double(), fc.constant(null))
        .map((value) => ({ ...base, [key]: value })),
    )
    .filter((body) => !schema.safeParse(wire(body)).success);
}

/** Arbitrary bodies: any JSON value, any value fast-check can make, a mutated valid body, or raw non-JSON text. */
function bodies(schema: z.ZodObject, base: Record<string, unknown>): fc.Arbitrary<{ raw: string }> {
  return fc.oneof(
    fc.jsonValue().map((value) => ({ raw: JSON.stringify(value) })),
    fc.anything().map((value) => ({ raw: JSON.stringify(value) ?? 'undefined' })),
    mutatedField(schema, base).map((value) => ({ raw: JSON.stringify(value) })),
    fc.string({ maxLength: 300 }).map((raw) => ({ raw })),
  );
}

const codes = new Set<string>(ErrorCode.options);

/** The edge's promise for one answer; returns the status for the caller's own checks. */
async function expectEdgeAnswer(response: Response, accepted: () => boolean): Promise<number> {
  const text = await response.text(); // also drains a 200 stream to its end
  expect(response.status, text.slice(0, 300)).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers.get('Content-Type')).toContain(PROBLEM_CONTENT_TYPE);
    const problem = Problem.parse(JSON.parse(text));
    expect(problem.status).toBe(response.status);
    expect(codes.has(problem.code)).toBe(true);
  } else {
    expect(accepted(), `2xx for a body the schema refuses: ${text.slice(0, 200)}`).toBe(true);
  }
  return response.status;
}

function accepts(schema: z.ZodType, raw: string): boolean {
  try {
    return schema.safeParse(JSON.parse(raw)).success;
  } catch {
    return false;
  }
}

async function fuzzJsonRoute(path: string, schema: z.ZodObject, base: Record<string, unknown>) {
  const before = await stored();
  await fc.assert(
    fc.asyncProperty(bodies(schema, base), async ({ raw }) => {
      const response = await call(path, jsonInit(raw, DEV_TOKEN), environment);
      await expectEdgeAnswer(response, () => accepts(schema, raw));
      expect(await stored()).toBe(before);
    }),
    { numRuns: RUNS },
  );
}

const chatBase = { messages: [userMessage('Can annual plans be refunded?')], page };
const actionBase = { page, messages: [userMessage('go')], options: { tone: 'formal', length: 'short' } };

describe('fuzzing every route that takes input', { timeout: TIMEOUT }, () => {
  it('a valid body still works (the generators start from bodies the routes accept)', async () => {
    expect(ChatRequest.safeParse(chatBase).success).toBe(true);
    expect(ActionRequest.safeParse(actionBase).success).toBe(true);
    const before = await stored();
    const chat = await call('/v1/chat', jsonInit(chatBase, DEV_TOKEN), environment);
    expect(chat.status).toBe(200);
    await chat.text();
    expect(await stored()).toBe(before);
  });

  it('POST /v1/chat', async () => {
    await fuzzJsonRoute('/v1/chat', ChatRequest, chatBase);
  });

  it(`POST /v1/actions/:id for every action (${actionIds.join(', ')})`, async () => {
    const before = await stored();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...actionIds), bodies(ActionRequest, actionBase), async (id, { raw }) => {
        const response = await call(`/v1/actions/${id}`, jsonInit(raw, DEV_TOKEN), environment);
        await expectEdgeAnswer(response, () => accepts(ActionRequest, raw));
        expect(await stored()).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('POST /v1/actions/:id with an arbitrary id', async () => {
    const before = await stored();
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 100 }), async (id) => {
        const response = await call(`/v1/actions/${encodeURIComponent(id)}`, jsonInit(actionBase), environment);
        const status = await expectEdgeAnswer(response, () => (actionIds as readonly string[]).includes(id));
        if (!(actionIds as readonly string[]).includes(id)) expect(status).toBe(404);
        expect(await stored()).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('POST /v1/search', async () => {
    await fuzzJsonRoute('/v1/search', SearchRequest, { query: 'annual refunds', k: 5, mode: 'hybrid' });
  });

  it('POST /v1/documents', async () => {
    await fuzzJsonRoute('/v1/documents', DocumentInput, {
      id: 'fuzz-new-doc',
      title: 'A new document',
      space: 'support',
      markdown: '# New\n\nText.',
    });
  });

  it('GET /v1/documents with arbitrary query parameters', async () => {
    const params = fc.oneof(
      fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 400 }), { maxKeys: 5 }),
      fc
        .record({
          space: fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('support', 'hr', 'Not A Space')),
          after: fc.string({ maxLength: 400 }),
          limit: fc.oneof(fc.string({ maxLength: 10 }), fc.integer().map(String), fc.double().map(String)),
        })
        .chain((record) =>
          fc
            .subarray(Object.keys(record))
            .map((keys) => Object.fromEntries(keys.map((key) => [key, record[key as keyof typeof record]]))),
        ),
    );
    const before = await stored();
    await fc.assert(
      fc.asyncProperty(params, async (query) => {
        const search = new URLSearchParams(query as Record<string, string>).toString();
        const response = await call(
          `/v1/documents${search ? `?${search}` : ''}`,
          { headers: { Authorization: `Bearer ${DEV_TOKEN}` } },
          environment,
        );
        await expectEdgeAnswer(
          response,
          () => ListDocumentsQuery.safeParse(Object.fromEntries(new URLSearchParams(search))).success,
        );
        expect(await stored()).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('every other route, and unknown paths and methods, with arbitrary query strings and bodies', async () => {
    const paths = ['/v1/health', '/v1/health/details', '/v1/config', '/v1/me', '/v1/chat', '/v1/search', '/v1/nope'];
    const before = await stored();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
        fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 200 }), { maxKeys: 4 }),
        fc.jsonValue(),
        async (path, method, query, body) => {
          const search = new URLSearchParams(query).toString();
          const init: RequestInit = { method, headers: { Authorization: `Bearer ${DEV_TOKEN}` } };
          if (method !== 'GET') {
            init.body = JSON.stringify(body);
            (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
          }
          const response = await call(`${path}${search ? `?${search}` : ''}`, init, environment);
          // GETs of these routes take no input: any query string is ignored (200); a POST to chat/search is
          // judged by its schema, the generic JSON value is almost never valid, and a 2xx must be one that is.
          await expectEdgeAnswer(
            response,
            () =>
              method === 'GET' ||
              (path === '/v1/chat' && accepts(ChatRequest, init.body as string)) ||
              (path === '/v1/search' && accepts(SearchRequest, init.body as string)),
          );
          expect(await stored()).toBe(before);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('DELETE /v1/documents/:id with an arbitrary id (never one that exists)', async () => {
    const before = await stored();
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 400, unit: 'binary' }), async (id) => {
        fc.pre(!id.startsWith('fuzz-seed-3f9c/'));
        let path: string;
        try {
          path = `/v1/documents/${encodeURIComponent(id)}`;
        } catch {
          return; // a lone surrogate cannot be put in a URL at all
        }
        const response = await call(
          path,
          { method: 'DELETE', headers: { Authorization: `Bearer ${DEV_TOKEN}` } },
          environment,
        );
        const status = await expectEdgeAnswer(response, () => false);
        expect([400, 404]).toContain(status);
        expect(await stored()).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });
});
