import { beforeAll, describe, expect, it } from 'vitest';
import { CitedSource, ListDocumentsResponse } from '../../shared/knowledge';
import type { Env } from '../../worker/env';
import { knowledgeEnv, putDocument, resetKnowledge, searchAs } from '../../worker/testing/knowledge';
import { call, DEV_TOKEN, jsonInit, readUIStream, signToken, userMessage } from '../../worker/testing/support';

/**
 * Attack (availability): a person who reads many spaces (an organisation with hundreds of teams, or an
 * administrator) made every search, chat and listing fail with 500, because each space was one bound SQL
 * parameter and D1 allows 100, and the vector filter outgrew Vectorize's 2 KiB. Defence: spaces travel as
 * one JSON parameter read with `json_each` (the filter stays inside the SQL), and a vector filter that would
 * not fit is replaced by D1's own check. Tested with 500 readable spaces.
 */

const SPACE_COUNT = 500;
const spaceName = (index: number) => `team-${String(index).padStart(3, '0')}-knowledge-space`;
const spaces: Record<string, string[]> = { hr: ['hr-team'] };
for (let index = 0; index < SPACE_COUNT; index++) spaces[spaceName(index)] = ['everyone-team'];

let environment: Env;
let member: string;

beforeAll(async () => {
  await resetKnowledge();
  environment = await knowledgeEnv({ SPACES: JSON.stringify(spaces) });
  member = await signToken({ groups: ['everyone-team'] });
  for (const index of [0, 250, SPACE_COUNT - 1]) {
    const response = await putDocument(
      {
        id: `doc-${index}`,
        title: `Onboarding checklist ${index}`,
        space: spaceName(index),
        markdown: `# Onboarding\n\nThe onboarding checklist of team ${index} lists laptops and badges.`,
      },
      environment,
    );
    expect(response.status).toBe(201);
  }
  await putDocument(
    {
      id: 'hr-secret',
      title: 'Onboarding salaries',
      space: 'hr',
      markdown: '# Onboarding\n\nOnboarding checklist salaries.',
    },
    environment,
  );
});

describe(`a person who reads ${SPACE_COUNT} spaces`, () => {
  it.each(['hybrid', 'keyword', 'vector'] as const)('searches in %s mode, only their spaces', async (mode) => {
    const { response, body } = await searchAs(
      member,
      { query: 'onboarding checklist laptops', k: 10, mode },
      environment,
    );
    expect(response.status).toBe(200);
    expect(body.results.map((result) => result.documentId).sort()).toEqual(['doc-0', 'doc-250', 'doc-499']);
  });

  it('narrows to requested spaces among them', async () => {
    const { body } = await searchAs(
      member,
      { query: 'onboarding checklist', spaces: [spaceName(250), 'hr'], mode: 'keyword' },
      environment,
    );
    expect(body.results.map((result) => result.documentId)).toEqual(['doc-250']);
  });

  it('gets knowledge in chat', async () => {
    const response = await call(
      '/v1/chat',
      jsonInit({ messages: [userMessage('What is on the onboarding checklist?')] }, member),
      environment,
    );
    expect(response.status).toBe(200);
    const sources = (await readUIStream(response))
      .filter((chunk) => chunk.type === 'source-url' || chunk.type === 'source-document')
      .map((chunk) => CitedSource.parse((chunk.providerMetadata as { beside: unknown }).beside));
    expect(sources.map((source) => source.documentId).sort()).toEqual(['doc-0', 'doc-250', 'doc-499']);
  });

  it('an administrator (every space) searches, chats and lists documents', async () => {
    const { response, body } = await searchAs(DEV_TOKEN, { query: 'onboarding checklist' }, environment);
    expect(response.status).toBe(200);
    expect(body.results.map((result) => result.documentId)).toContain('hr-secret');
    const list = await call(
      '/v1/documents?limit=500',
      { headers: { Authorization: `Bearer ${DEV_TOKEN}` } },
      environment,
    );
    expect(list.status).toBe(200);
    expect(ListDocumentsResponse.parse(await list.json()).documents).toHaveLength(4);
    const oneSpace = await call(
      `/v1/documents?space=${spaceName(250)}`,
      { headers: { Authorization: `Bearer ${DEV_TOKEN}` } },
      environment,
    );
    expect(ListDocumentsResponse.parse(await oneSpace.json()).documents.map((document) => document.id)).toEqual([
      'doc-250',
    ]);
  });
});
