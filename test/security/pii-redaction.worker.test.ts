import { beforeAll, describe, expect, it } from 'vitest';
import type { PageContext } from '../../shared/page-context';
import { knowledgeEnv, putDocument, resetKnowledge } from '../../worker/testing/knowledge';
import { call, jsonInit, readUIStream, textOf, upstreamUrl, userMessage } from '../../worker/testing/support';

/**
 * With REDACT=pii, personal data from every source — the page, the selection, the history, knowledge passages
 * (in the instructions and in a search tool's results) — reaches the model only as placeholders, and the answer
 * streamed to the person carries the real values again.
 */
const pii = {
  pageEmail: 'priya.shah@acme-corp.example',
  pagePhone: '+33 1 46 28 06 45',
  pageCard: '4539 1488 0343 6467',
  pageIban: 'FR76 3000 6000 0112 3456 7890 189',
  pageNir: '1 85 05 78 006 084 91',
  selectionEmail: 'ana.lima@globex.example',
  historyPhone: '(415) 555-0132',
  historyEmail: 'sam.patel@initech.example',
  passageEmail: 'billing-escalations@widgetco.example',
  passagePhone: '+44 20 7946 0958',
};

const page: PageContext = {
  url: 'https://support.example.com/tickets/4821',
  title: 'Ticket 4821: refund request',
  site: 'generic',
  kind: 'generic',
  markdown: `Customer ${pii.pageEmail}, phone ${pii.pagePhone}. Paid with card ${pii.pageCard}; refund to ${pii.pageIban}. NIR ${pii.pageNir}.`,
  selection: { text: `Please reply to ${pii.selectionEmail} about the refund.` },
  capturedAt: '2026-12-01T10:00:00.000Z',
};

interface Recorded {
  path: string;
  body: unknown;
}

/** The chat-model calls the test upstream received (the embedding of a search query is not a prompt). */
async function upstreamRequests(): Promise<Recorded[]> {
  const response = await fetch(`${upstreamUrl().replace(/\/v1$/, '')}/__requests`);
  return ((await response.json()) as Recorded[]).filter((request) => request.path === '/v1/chat/completions');
}

const redactEnv = () => knowledgeEnv({ REDACT: 'pii' });

beforeAll(async () => {
  await resetKnowledge();
  await putDocument(
    {
      id: 'support/refund-escalations',
      title: 'Refund escalations',
      space: 'support',
      markdown: `# Refund escalations\n\nEscalate refund disputes to ${pii.passageEmail} or call ${pii.passagePhone}. Refund policy for unused months.`,
    },
    await redactEnv(),
  );
});

async function chat(messages: unknown[], env = redactEnv()) {
  const response = await call('/v1/chat', jsonInit({ messages, page }), await env);
  expect(response.status).toBe(200);
  return readUIStream(response);
}

describe('PII redaction before the model (REDACT=pii)', () => {
  it('the model sees placeholders only, from page, selection, history and passages; the person sees real values', async () => {
    const marker = `redaction-${crypto.randomUUID()}`;
    const history = [
      userMessage(`Call me at ${pii.historyPhone} or write to ${pii.historyEmail}, what is the refund policy?`),
      { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: `I will write to ${pii.historyEmail}.` }] },
    ];
    const chunks = await chat([
      ...history,
      userMessage(`[[echo-system]] ${marker} refund policy for ${pii.selectionEmail}?`),
    ]);
    const requests = (await upstreamRequests()).filter((request) => JSON.stringify(request.body).includes(marker));
    expect(requests.length).toBeGreaterThan(0);
    const sent = JSON.stringify(requests.map((request) => request.body));
    for (const [name, value] of Object.entries(pii)) expect(sent, name).not.toContain(value);
    expect(sent).toContain('[EMAIL_1]');
    expect(sent).toMatch(/\[PHONE_\d\]/);
    expect(sent).toMatch(/\[CARD_1\]/);
    expect(sent).toMatch(/\[IBAN_1\]/);
    expect(sent).toMatch(/\[NIR_1\]/);
    // The same value gets the same placeholder wherever it appears in the request.
    expect(sent.match(/\[EMAIL_\d\]/g)?.length).toBeGreaterThan(2);

    // The echoed instructions come back with every value restored.
    const answer = textOf(chunks);
    expect(answer).toContain(pii.pageEmail);
    expect(answer).toContain(pii.pageCard);
    expect(answer).toContain(pii.pageIban);
    expect(answer).not.toMatch(/\[(EMAIL|PHONE|CARD|IBAN|NIR)_\d+\]/);
  });

  it('a model that repeats a placeholder streams the real value; numbering is stable across turns', async () => {
    const marker = `redaction-${crypto.randomUUID()}`;
    const first = userMessage(`Write to ${pii.historyEmail} please.`);
    const reply = `[[reply: Done: I wrote to ${pii.historyEmail} and to ${pii.selectionEmail} today.]]`;
    const chunks = await chat([
      first,
      { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: 'Sure.' }] },
      userMessage(`${reply} ${marker}`),
    ]);
    expect(textOf(chunks)).toBe(`Done: I wrote to ${pii.historyEmail} and to ${pii.selectionEmail} today.`);
    const sent = JSON.stringify(
      (await upstreamRequests()).filter((r) => JSON.stringify(r.body).includes(marker)).at(-1)?.body,
    );
    // History is read first: the first turn's address is EMAIL_1 in every later turn.
    expect(sent).toContain('Write to [EMAIL_1] please.');
    expect(sent).not.toContain(pii.historyEmail);
  });

  it('a knowledge search the model asks for returns passages redacted too', async () => {
    const marker = `redaction-${crypto.randomUUID()}`;
    await chat([userMessage(`[[tool: search_knowledge {"query":"refund escalations"}]] [[reply: ok]] ${marker}`)]);
    const requests = (await upstreamRequests()).filter((request) => JSON.stringify(request.body).includes(marker));
    const sent = JSON.stringify(requests.map((request) => request.body));
    expect(sent).toContain('Refund escalations');
    expect(sent).not.toContain(pii.passageEmail);
    expect(sent).not.toContain(pii.passagePhone);
  });

  it('the embedding model gets placeholders too: the question searched and the passages indexed', async () => {
    const marker = `redaction-${crypto.randomUUID()}`;
    await chat([userMessage(`refund policy for ${pii.historyEmail} ${marker}`)]);
    const response = await fetch(`${upstreamUrl().replace(/\/v1$/, '')}/__requests`);
    const embeddings = ((await response.json()) as Recorded[]).filter((request) => request.path === '/v1/embeddings');
    const sent = JSON.stringify(embeddings.map((request) => request.body));
    // The question was embedded (its marker is there), without the address it named.
    expect(sent).toContain(marker);
    expect(sent).not.toContain(pii.historyEmail);
    // The document ingested with REDACT=pii was indexed from its redacted text.
    expect(sent).toContain('Escalate refund disputes to [EMAIL_1]');
    expect(sent).not.toContain(pii.passageEmail);
  });

  it('REDACT=off (the default) sends text unchanged', async () => {
    const marker = `redaction-${crypto.randomUUID()}`;
    await chat([userMessage(`[[reply: ok]] ${marker}`)], knowledgeEnv());
    const sent = JSON.stringify((await upstreamRequests()).filter((r) => JSON.stringify(r.body).includes(marker)));
    expect(sent).toContain(pii.pageEmail);
  });

  it('an invalid REDACT_PATTERNS answers 503 server_misconfigured naming the setting, and sends nothing', async () => {
    const marker = `redaction-${crypto.randomUUID()}`;
    for (const patterns of ['["(a+)+$"]', '["(x)\\\\1"]', 'not json', '["[unclosed"]']) {
      const response = await call(
        '/v1/chat',
        jsonInit({ messages: [userMessage(`[[reply: ok]] ${marker}`)], page }),
        await knowledgeEnv({ REDACT: 'pii', REDACT_PATTERNS: patterns }),
      );
      expect(response.status, patterns).toBe(503);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await response.json()) as { code: string; detail: string };
      expect(problem.code).toBe('server_misconfigured');
      expect(problem.detail).toContain('REDACT_PATTERNS');
      expect(problem.detail).not.toContain(patterns);
    }
    expect(JSON.stringify(await upstreamRequests())).not.toContain(marker);
  });

  it('REDACT_PATTERNS adds deployment identifiers', async () => {
    const marker = `redaction-${crypto.randomUUID()}`;
    await chat(
      [userMessage(`[[reply: ok]] customer CUST-00912345 ${marker}`)],
      knowledgeEnv({ REDACT: 'pii', REDACT_PATTERNS: '["CUST-\\\\d{8}"]' }),
    );
    const sent = JSON.stringify((await upstreamRequests()).filter((r) => JSON.stringify(r.body).includes(marker)));
    expect(sent).not.toContain('CUST-00912345');
    expect(sent).toContain('[ID_1]');
  });
});
