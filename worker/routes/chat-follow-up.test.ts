import { beforeAll, describe, expect, it } from 'vitest';
import { CitedSource } from '../../shared/knowledge';
import { knowledgeEnv, putDocument, resetKnowledge } from '../testing/knowledge';
import { call, jsonInit, readUIStream, textOf, type UIChunk, userMessage } from '../testing/support';

/**
 * Knowledge on every question: a follow-up that names nothing ("and for three years?") is searched with the
 * conversation's topic, so its prompt carries the passages it is about, not those that merely share a word.
 */
const DOCUMENTS = [
  [
    'discounts',
    'Multi-year discounts',
    'A multi-year contract earns a discount: 15 percent for a 3-year term. MARKER-MULTIYEAR',
  ],
  ['travel', 'Travel', 'Trips longer than three days need approval; three years of service add a day. MARKER-TRAVEL'],
  ['onboarding', 'Onboarding', 'New hires get a laptop and a buddy in their first week. MARKER-ONBOARDING'],
  ['security', 'Security reviews', 'Security questionnaires go to the trust team within two days. MARKER-SECURITY'],
  ['expenses', 'Expenses', 'Meals are reimbursed up to 40 euros with a receipt. MARKER-EXPENSES'],
  ['holidays', 'Holidays', 'The office closes between Christmas and New Year. MARKER-HOLIDAYS'],
  ['hardware', 'Hardware', 'Monitors and keyboards are ordered through the IT portal. MARKER-HARDWARE'],
] as const;

beforeAll(async () => {
  await resetKnowledge();
  for (const [id, title, text] of DOCUMENTS) {
    const response = await putDocument({
      id: `follow-up/${id}`,
      title,
      space: 'company',
      markdown: `# ${title}\n\n${text}`,
    });
    expect(response.status).toBeLessThan(300);
  }
});

const sourcesOf = (chunks: UIChunk[]) =>
  chunks
    .filter((chunk) => chunk.type === 'source-url' || chunk.type === 'source-document')
    .map((chunk) => CitedSource.parse((chunk.providerMetadata as { beside: unknown }).beside));

async function chat(messages: unknown[]) {
  const response = await call('/v1/chat', jsonInit({ messages }), await knowledgeEnv());
  expect(response.status).toBe(200);
  return readUIStream(response);
}

describe('knowledge on every question', () => {
  it('the second question’s prompt carries the passages for the rewritten query', async () => {
    const chunks = await chat([
      userMessage('What multi-year discount can we offer?'),
      { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: 'There is a multi-year discount [1].' }] },
      userMessage('and for three years? [[echo-system]]'),
    ]);
    const sources = sourcesOf(chunks);
    expect(sources[0]?.title).toBe('Multi-year discounts');
    const prompt = textOf(chunks);
    expect(prompt).toContain('MARKER-MULTIYEAR');
    // The passage sits in the numbered knowledge block the model cites from, as [1].
    const knowledge = prompt.slice(prompt.indexOf('<knowledge'), prompt.lastIndexOf('</knowledge>'));
    expect(knowledge).toContain('MARKER-MULTIYEAR');
  });

  it('control: the same words asked alone rank another passage first (the conversation made the difference)', async () => {
    const chunks = await chat([userMessage('[[reply: ok]] and for three years?')]);
    expect(sourcesOf(chunks)[0]?.title).toBe('Travel');
  });
});
