import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { PROBLEM_CONTENT_TYPE, Problem } from '../../shared/errors';
import { IngestResult } from '../../shared/knowledge';
import { knowledgeEnv, putDocument, resetKnowledge, searchAs } from '../../worker/testing/knowledge';
import { signToken } from '../../worker/testing/support';

/**
 * Attack: re-ingest a document id into another space. A space is a permission boundary (hr is read by the
 * hr team only, company by everyone), so a reused id must not quietly carry an internal document into a
 * space that more people read. Defence: 409 document_space_conflict, nothing stored changes, unless the
 * request says "move": true.
 */

const internal = {
  id: 'policies/salaries',
  title: 'Salary bands',
  space: 'hr',
  markdown: '# Bands\n\nThe engineering salary band tops out at 250,000 (confidential).',
};

async function stored() {
  const rows = async (sql: string) => (await env.DB.prepare(sql).all()).results;
  return {
    documents: await rows('SELECT * FROM documents ORDER BY id'),
    chunks: await rows('SELECT * FROM chunks ORDER BY id'),
    vectors: await rows('SELECT id, metadata FROM vector_entries ORDER BY id'),
  };
}

beforeEach(resetKnowledge);

describe('re-ingesting a document id into another space', () => {
  it('answers 409 document_space_conflict and changes nothing stored', async () => {
    expect((await putDocument(internal)).status).toBe(201);
    const before = await stored();

    const response = await putDocument({ ...internal, space: 'company', markdown: '# Bands\n\nSame id, new space.' });
    expect(response.status).toBe(409);
    expect(response.headers.get('Content-Type')).toContain(PROBLEM_CONTENT_TYPE);
    const problem = Problem.parse(await response.json());
    expect(problem.code).toBe('document_space_conflict');
    expect(problem.detail).toContain('"hr"');
    expect(problem.detail).toContain('"move": true');
    expect(await stored()).toEqual(before);

    // A sales member (who reads company, not hr) still cannot find it.
    const member = await signToken({ groups: ['sales-team'] });
    const { body } = await searchAs(member, { query: 'salary band confidential', mode: 'keyword' });
    expect(body.results).toEqual([]);
  });

  it('refuses even when the content is identical (the space is what differs)', async () => {
    await putDocument(internal);
    const before = await stored();
    const response = await putDocument({ ...internal, space: 'company' });
    expect(response.status).toBe(409);
    expect(await stored()).toEqual(before);
  });

  it('moves the document when the request says "move": true', async () => {
    await putDocument(internal);
    const response = await putDocument({ ...internal, space: 'company', move: true });
    expect(response.status).toBe(200);
    expect(IngestResult.parse(await response.json())).toMatchObject({ status: 'updated', space: 'company' });
    const { documents, chunks } = await stored();
    expect(documents).toMatchObject([{ id: internal.id, space: 'company' }]);
    expect(chunks.every((chunk) => chunk.space === 'company')).toBe(true);
    const member = await signToken({ groups: ['sales-team'] });
    const { body } = await searchAs(member, { query: 'salary band confidential', mode: 'keyword' });
    expect(body.results.map((result) => result.documentId)).toEqual([internal.id]);
  });

  it('still updates in place without "move" when the space is the same', async () => {
    await putDocument(internal);
    const response = await putDocument({ ...internal, markdown: '# Bands\n\nRevised bands.' }, await knowledgeEnv());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'updated', space: 'hr' });
  });
});
