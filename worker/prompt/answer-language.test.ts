import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../shared/page-context';
import { instructionsSent } from '../testing/actions';
import { call, jsonInit, readUIStream, upstreamUrl, userMessage } from '../testing/support';

const englishRecord: PageContext = {
  url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006/view',
  title: 'Acme Corp — Renewal',
  site: 'salesforce',
  kind: 'record',
  markdown: '# Acme Corp — Renewal\nStage: Negotiation\nNext step: send the revised quote.',
  capturedAt: '2026-11-21T10:00:00.000Z',
};

interface Recorded {
  path?: string;
  body?: { messages?: { role?: string; content?: unknown }[] };
}

/** The system text and user turns of the chat request that carried `tag`, as the model received them. */
async function chatSent(question: string): Promise<{ system: string; user: string }> {
  const tag = `language-${crypto.randomUUID()}`;
  const response = await call(
    '/v1/chat',
    jsonInit({ messages: [userMessage(`[[reply: ok]] ${tag} ${question}`)], page: englishRecord }),
  );
  expect(response.status).toBe(200);
  await readUIStream(response);
  const log = (await (await fetch(`${upstreamUrl().replace(/\/v1$/, '')}/__requests`)).json()) as Recorded[];
  // The question is also embedded for retrieval: the chat completion is the request that carries it as a message.
  const sent = log.find(
    (request) => request.path === '/v1/chat/completions' && JSON.stringify(request.body ?? '').includes(tag),
  );
  const messages = sent?.body?.messages ?? [];
  const text = (role: string) =>
    messages
      .filter((message) => message.role === role)
      .map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content)))
      .join('\n');
  return { system: `${text('system')}${text('developer')}`, user: text('user') };
}

describe('answers follow the language of the question', () => {
  it('tells the model to answer in the language of the latest question, whatever the page is written in', async () => {
    const { system, user } = await chatSent('Quelles sont les prochaines étapes sur cette affaire ?');
    expect(system).toContain("answer in the language of the person's latest question");
    expect(system).toContain('a question in French gets an answer in French');
    // The French question reaches the model as the person wrote it, next to an English page.
    expect(user).toContain('Quelles sont les prochaines étapes');
    expect(system).toContain('Stage: Negotiation');
  });

  it('summaries follow the language of the request ("Résume cette page"), not the page', async () => {
    const system = await instructionsSent('summarize-page', { page: englishRecord });
    expect(system).toContain("write in the language of the person's request");
    expect(system).not.toContain('write in the language of the text you summarise');
  });

  it('drafts still follow the other party (they go to the customer), unless a language is chosen', async () => {
    expect(await instructionsSent('follow-up-email', { page: englishRecord })).toContain(
      "write in the language of the other party's latest message",
    );
    expect(
      await instructionsSent('follow-up-email', { page: englishRecord, options: { language: 'French' } }),
    ).toContain('Language: write in French.');
  });
});
