import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { DocumentSummary, IngestResult, ListDocumentsResponse } from '../../shared/knowledge';
import { ADMIN_API_KEY, ADMIN_GROUP, count, knowledgeEnv, putDocument, resetKnowledge } from '../testing/knowledge';
import { call, DEV_TOKEN, jsonInit, signToken } from '../testing/support';

const doc = {
  id: 'sales/playbook.md',
  title: 'Sales playbook',
  space: 'sales',
  markdown: '# Discovery\n\nAsk about budget, authority, need and timeline.',
};

const authorized = (token: string | null, init: RequestInit = {}) => {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return { ...init, headers };
};

beforeEach(resetKnowledge);

describe('POST /v1/documents', () => {
  it('creates (201), then reports unchanged (200) for the same content', async () => {
    const created = await putDocument(doc);
    expect(created.status).toBe(201);
    expect(IngestResult.parse(await created.json())).toMatchObject({ status: 'created', chunks: 1, embedded: true });
    expect(created.headers.get('Server-Timing')).toMatch(/embed;dur=\d+, write;dur=\d+/);
    const again = await putDocument(doc);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'unchanged' });
  });

  it('accepts HTML and plain text as well as Markdown', async () => {
    const html = await putDocument({
      ...doc,
      id: 'h',
      markdown: undefined,
      html: '<h1>SSO</h1><p>Use SAML.</p>',
    } as never);
    expect(html.status).toBe(201);
    const text = await putDocument({ ...doc, id: 't', markdown: undefined, text: 'Plain words.' } as never);
    expect(text.status).toBe(201);
  });

  it('stores plain text whose lines start with "# " as text, never as Markdown headings', async () => {
    const oneLine = await putDocument({ ...doc, id: 'note', markdown: undefined, text: '# Example usage' } as never);
    expect(oneLine.status).toBe(201);
    expect(await oneLine.json()).toMatchObject({ status: 'created', chunks: 1 });
    const code = '# Embed the documents\ndoc_embeddings = client.embed(documents)\n\n# Example usage\nprint(1)';
    expect((await putDocument({ ...doc, id: 'code', markdown: undefined, text: code } as never)).status).toBe(201);
    const rows = await env.DB.prepare("SELECT heading, text FROM chunks WHERE document_id IN ('note', 'code')").all();
    expect(rows.results).toEqual(
      expect.arrayContaining([
        { heading: '', text: '# Example usage' },
        { heading: '', text: code },
      ]),
    );
    // The same words as Markdown still have headings, and are a different version of the document.
    const asMarkdown = await putDocument({ ...doc, id: 'code', markdown: code });
    expect(await asMarkdown.json()).toMatchObject({ status: 'updated', chunks: 2 });
  });

  it('needs a sign-in (401) and an administrator (403)', async () => {
    expect((await putDocument(doc, undefined, null)).status).toBe(401);
    const member = await putDocument(doc, undefined, await signToken({ groups: ['sales-team'] }));
    expect(member.status).toBe(403);
    expect(((await member.json()) as { code: string }).code).toBe('forbidden');
    const admin = await putDocument(doc, undefined, await signToken({ groups: [ADMIN_GROUP] }));
    expect(admin.status).toBe(201);
  });

  it('accepts the admin API key on the document routes only', async () => {
    expect((await putDocument(doc, undefined, ADMIN_API_KEY)).status).toBe(201);
    const list = await call('/v1/documents', authorized(ADMIN_API_KEY), await knowledgeEnv());
    expect(list.status).toBe(200);
    const search = await call('/v1/search', jsonInit({ query: 'budget' }, ADMIN_API_KEY), await knowledgeEnv());
    expect(search.status).toBe(401);
    const wrongKey = await putDocument(doc, undefined, `${ADMIN_API_KEY}x`);
    expect(wrongKey.status).toBe(401);
  });

  it('refuses the dev token outside development', async () => {
    const production = await knowledgeEnv({ ENVIRONMENT: 'production' });
    expect((await putDocument(doc, production, DEV_TOKEN)).status).toBe(401);
  });

  it.each([
    [{ ...doc, space: 'Not A Space' }, 'space'],
    [{ ...doc, space: 'finance' }, 'space'],
    [{ ...doc, markdown: undefined }, 'markdown'],
    [{ ...doc, text: 'also text' }, 'markdown'],
    [{ ...doc, title: '' }, 'title'],
    [{ ...doc, url: 'javascript:alert(1)' }, 'url'],
    [{ ...doc, id: '' }, 'id'],
    [{ ...doc, updatedAt: 'yesterday' }, 'updatedAt'],
  ])('rejects invalid input with invalid_request and keeps stored data: %j', async (body, path) => {
    await putDocument(doc);
    const response = await putDocument(body as never);
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    const problem = (await response.json()) as { code: string; issues: { path: string }[] };
    expect(problem.code).toBe('invalid_request');
    expect(problem.issues.map((issue) => issue.path)).toContain(path);
    expect(await count('chunks')).toBe(1);
  });

  it('rejects a document with no text and malformed JSON without losing data', async () => {
    await putDocument(doc);
    const empty = await putDocument({ ...doc, markdown: undefined, html: '<style>x{}</style>' } as never);
    expect(empty.status).toBe(400);
    const malformed = await call('/v1/documents', jsonInit('{"id":', DEV_TOKEN), await knowledgeEnv());
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { code: string }).code).toBe('invalid_json');
    expect(await count('chunks')).toBe(1);
  });

  it('answers 502 upstream_error when embedding fails, leaving the stored version', async () => {
    await putDocument(doc);
    const broken = await knowledgeEnv({ OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    const response = await putDocument({ ...doc, markdown: '# Changed' + '\n\nnew text' }, broken);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ code: 'upstream_error', retryable: true });
    expect(await count('chunks')).toBe(1);
  });
});

describe('GET /v1/documents', () => {
  it('lists documents, by space, in pages', async () => {
    for (const id of ['a', 'b', 'c']) await putDocument({ ...doc, id });
    await putDocument({ ...doc, id: 'hr-1', space: 'hr' });
    const environment = await knowledgeEnv();
    const all = ListDocumentsResponse.parse(
      await (await call('/v1/documents', authorized(DEV_TOKEN), environment)).json(),
    );
    expect(all.documents.map((document) => document.id)).toEqual(['a', 'b', 'c', 'hr-1']);
    expect(DocumentSummary.parse(all.documents[0])).toMatchObject({ space: 'sales', chunks: 1 });
    const sales = ListDocumentsResponse.parse(
      await (await call('/v1/documents?space=sales&limit=2', authorized(DEV_TOKEN), environment)).json(),
    );
    expect(sales.documents.map((document) => document.id)).toEqual(['a', 'b']);
    expect(sales.next).toBe('b');
    const rest = ListDocumentsResponse.parse(
      await (await call('/v1/documents?space=sales&limit=2&after=b', authorized(DEV_TOKEN), environment)).json(),
    );
    expect(rest.documents.map((document) => document.id)).toEqual(['c']);
    expect(rest.next).toBeUndefined();
  });

  it('is for administrators only and validates the query', async () => {
    const environment = await knowledgeEnv();
    const member = await call('/v1/documents', authorized(await signToken({ groups: ['hr-team'] })), environment);
    expect(member.status).toBe(403);
    const bad = await call('/v1/documents?limit=0', authorized(DEV_TOKEN), environment);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('invalid_request');
  });
});

describe('DELETE /v1/documents/:id', () => {
  it('deletes a document whose id contains slashes, then answers 404', async () => {
    await putDocument(doc);
    const environment = await knowledgeEnv();
    const path = `/v1/documents/${encodeURIComponent(doc.id)}`;
    const deleted = await call(path, authorized(DEV_TOKEN, { method: 'DELETE' }), environment);
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ id: doc.id, deleted: true, chunks: 1 });
    expect(await count('chunks')).toBe(0);
    const again = await call(path, authorized(DEV_TOKEN, { method: 'DELETE' }), environment);
    expect(again.status).toBe(404);
    expect(((await again.json()) as { code: string }).code).toBe('not_found');
  });

  it('is for administrators only', async () => {
    await putDocument(doc);
    const response = await call(
      `/v1/documents/${encodeURIComponent(doc.id)}`,
      authorized(await signToken({ groups: ['sales-team'] }), { method: 'DELETE' }),
      await knowledgeEnv(),
    );
    expect(response.status).toBe(403);
    expect(await count('chunks')).toBe(1);
  });
});
