import { beforeAll, describe, expect, it } from 'vitest';
import { CitedSource, NO_AI_ANSWER_LABEL, SearchKnowledgeOutput } from '../../shared/knowledge';
import type { PageContext } from '../../shared/page-context';
import { knowledgeEnv, putDocument, resetKnowledge, TEST_SPACES } from '../testing/knowledge';
import {
  call,
  DEV_TOKEN,
  errorOf,
  jsonInit,
  readUIStream,
  signToken,
  textOf,
  type UIChunk,
  userMessage,
} from '../testing/support';

const SPACES = Object.keys(TEST_SPACES);
const marker = (space: string) => `MARKER-${space.toUpperCase()}`;
const TOPICS = [
  ['Pricing', 'Enterprise plan pricing, discounts and the annual contract.'],
  ['Refunds', 'Refund policy for unused months and invoices.'],
  ['Leave', 'Parental leave policy, salary during leave and time off approvals.'],
  ['Security', 'SSO with SAML, security reviews and data retention policy.'],
];
const QUESTIONS = ['pricing', 'refund policy', 'parental leave', 'security review', 'policy', 'MARKER-HR salary'];

beforeAll(async () => {
  await resetKnowledge();
  for (const space of SPACES) {
    for (const [index, [heading, text]] of TOPICS.entries()) {
      await putDocument({
        id: `${space}/${index}`,
        title: `${heading} (${space})`,
        space,
        ...(index % 2 === 0 ? { url: `https://kb.example.com/${space}/${index}` } : {}),
        markdown: `# ${heading}\n\n${text} ${marker(space)}.`,
      });
    }
  }
});

async function chat(
  token: string,
  text: string,
  extra: Record<string, unknown> = {},
  env?: Awaited<ReturnType<typeof knowledgeEnv>>,
) {
  const response = await call(
    '/v1/chat',
    jsonInit({ messages: [userMessage(text)], ...extra }, token),
    env ?? (await knowledgeEnv()),
  );
  expect(response.status).toBe(200);
  return readUIStream(response);
}

function sourcesOf(chunks: UIChunk[]): CitedSource[] {
  return chunks
    .filter((chunk) => chunk.type === 'source-url' || chunk.type === 'source-document')
    .map((chunk) => CitedSource.parse((chunk.providerMetadata as { beside: unknown }).beside));
}

const forbiddenMarkers = (allowed: string[]) => SPACES.filter((space) => !allowed.includes(space)).map(marker);

describe('chat with company knowledge', () => {
  it('streams numbered sources first and gives the model the passages to cite', async () => {
    const chunks = await chat(DEV_TOKEN, '[[echo-system]] What is our parental leave policy?');
    const sources = sourcesOf(chunks);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.map((source) => source.label)).toEqual(sources.map((_, index) => String(index + 1)));
    expect(sources[0]).toMatchObject({ kind: 'knowledge', heading: 'Leave' });
    const withUrl = chunks.find((chunk) => chunk.type === 'source-url');
    expect(withUrl?.url).toMatch(/^https:\/\/kb\.example\.com\//);
    expect(chunks.some((chunk) => chunk.type === 'source-document')).toBe(true);
    // Sources come right after `start`, before any text.
    const firstText = chunks.findIndex((chunk) => chunk.type === 'text-delta');
    const lastSource = chunks.findLastIndex((chunk) => chunk.type.startsWith('source-'));
    expect(lastSource).toBeLessThan(firstText);

    const system = textOf(chunks);
    expect(system).toContain('<knowledge>');
    expect(system).toMatch(/<passage n="1">\ntitle: Leave \(\w+\)\nsection: Leave\n/);
    expect(system).toMatch(/cite its number in square brackets/);
    expect(system).toMatch(/Cite the page .* as \[P\]/);
  });

  it('marks the page as source P', async () => {
    const page: PageContext = {
      url: 'https://crm.example.com/opportunity/42',
      title: 'Acme renewal',
      site: 'generic',
      kind: 'record',
      markdown: 'Acme wants a discount on the enterprise plan.',
      capturedAt: '2026-11-21T10:00:00.000Z',
    };
    const chunks = await chat(DEV_TOKEN, 'pricing for Acme?', { page });
    const sources = sourcesOf(chunks);
    expect(sources[0]).toMatchObject({ label: 'P', kind: 'page', url: page.url, title: 'Acme renewal' });
    expect(sources.slice(1).every((source) => source.kind === 'knowledge')).toBe(true);
  });

  const people = [
    { groups: [] as string[], allowed: ['company'] },
    { groups: ['sales-team'], allowed: ['company', 'sales'] },
    { groups: ['hr-team'], allowed: ['company', 'hr'] },
  ];

  it.each(people)('never puts text from outside $allowed in the prompt or the sources', async ({ groups, allowed }) => {
    const token = await signToken({ groups });
    const seen = new Set<string | undefined>();
    for (const question of QUESTIONS) {
      const chunks = await chat(token, `[[echo-system]] ${question}`);
      const prompt = textOf(chunks);
      for (const source of sourcesOf(chunks)) seen.add(source.space);
      for (const secret of forbiddenMarkers(allowed)) expect(prompt).not.toContain(secret);
      for (const source of sourcesOf(chunks)) {
        expect(allowed).toContain(source.space);
        for (const secret of forbiddenMarkers(allowed)) expect(source.text).not.toContain(secret);
      }
    }
    // Not vacuous: the allowed spaces did reach the prompt.
    expect([...seen].sort()).toEqual([...allowed].sort());
  });

  it.each(people)(
    'search_knowledge finds only $allowed and numbers after the first sources',
    async ({ groups, allowed }) => {
      const token = await signToken({ groups });
      for (const question of QUESTIONS) {
        const chunks = await chat(token, `Tell me more [[tool: search_knowledge {"query":"${question}"}]]`);
        const output = chunks.find((chunk) => chunk.type === 'tool-output-available')?.output;
        const parsed = SearchKnowledgeOutput.parse(output);
        const firstTurn = sourcesOf(chunks).length;
        for (const passage of parsed.passages) {
          expect(allowed).toContain(passage.space);
          expect(Number(passage.label)).toBeGreaterThan(firstTurn);
        }
        const answer = textOf(chunks);
        expect(answer).toMatch(/^Tool said: /);
        for (const secret of forbiddenMarkers(allowed)) expect(answer).not.toContain(secret);
      }
    },
  );

  it('does not search for a request about the last answer itself', async () => {
    const response = await call(
      '/v1/chat',
      jsonInit({
        messages: [
          userMessage('pricing?'),
          { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: 'Enterprise pricing is…' }] },
          userMessage('[[reply: ok]] shorter please'),
        ],
      }),
      await knowledgeEnv(),
    );
    expect(sourcesOf(await readUIStream(response))).toEqual([]);
  });

  it('without a model, answers with the passages and their citations, clearly labelled', async () => {
    const environment = await knowledgeEnv({ OPENAI_BASE_URL: undefined, OPENAI_API_KEY: undefined });
    const chunks = await chat(DEV_TOKEN, 'What is the refund policy?', {}, environment);
    const text = textOf(chunks);
    expect(text).toContain(NO_AI_ANSWER_LABEL);
    expect(text).toMatch(/\[1\] \*\*Refunds \(\w+\) › Refunds\*\*/);
    expect(sourcesOf(chunks).length).toBeGreaterThan(0);
    expect(errorOf(chunks)).toBeUndefined();
    expect(chunks.at(-1)?.type).toBe('finish');
  });

  it('when the model fails, still shows the passages, then the error', async () => {
    const chunks = await chat(DEV_TOKEN, '[[status: 500]] What is the refund policy?');
    const text = textOf(chunks);
    expect(text).toContain(NO_AI_ANSWER_LABEL);
    expect(text).toContain('[1]');
    expect(errorOf(chunks)).toMatch(/^\[upstream_error\]/);
  });
});
