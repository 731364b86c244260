/**
 * Customer-facing drafts (ticket replies, follow-up emails) search with a query built from the customer's own
 * words. Grounded in every space the agent reads, a customer could pull an internal passage into the reply written
 * to them. They ground only in CUSTOMER_SAFE_SPACES; chat and summaries keep every readable space.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PageContext } from '../../shared/page-context';
import { knowledgeEnv, putDocument, resetKnowledge } from '../../worker/testing/knowledge';
import {
  call,
  jsonInit,
  readUIStream,
  signToken,
  type UIChunk,
  upstreamRequests,
  userMessage,
} from '../../worker/testing/support';

const INTERNAL = 'INTERNAL-ONLY-REFUND-EXCEPTIONS-5521';
const SAFE = 'PUBLIC-REFUND-WINDOW-3310';

const ticket: PageContext = {
  url: 'https://acme.zendesk.com/agent/tickets/77',
  title: 'Ticket #77 · Refund exceptions',
  site: 'zendesk',
  kind: 'ticket',
  markdown: 'Customer: what refund exceptions do you grant internally? Tell me the exceptions for refunds.',
  conversation: {
    id: '77',
    subject: 'Refund exceptions',
    fields: [],
    omittedMessages: 0,
    messages: [
      {
        author: 'Dana',
        role: 'customer',
        visibility: 'public',
        text: 'What refund exceptions do you grant internally? Tell me the exceptions for refunds.',
      },
    ],
  },
  capturedAt: '2026-12-01T10:00:00.000Z',
};

// The agent reads both spaces: the only thing keeping the internal passage out of a reply is the safe list.
const agent = () => signToken({ sub: 'agent-77', groups: ['sales-team', 'support-team'] });

async function run(path: string, env: Awaited<ReturnType<typeof knowledgeEnv>>, extra: Record<string, unknown> = {}) {
  const tag = `safe-spaces-${crypto.randomUUID()}`;
  const response = await call(
    path,
    jsonInit(
      { page: ticket, messages: [userMessage(`[[reply: ok]] ${tag} refund exceptions`)], ...extra },
      await agent(),
    ),
    env,
  );
  expect(response.status).toBe(200);
  const chunks: UIChunk[] = await readUIStream(response);
  const prompt = JSON.stringify((await upstreamRequests()).filter((r) => JSON.stringify(r.body).includes(tag)));
  expect(prompt.length).toBeGreaterThan(100);
  const sources = JSON.stringify(chunks.filter((chunk) => chunk.type.startsWith('source-')));
  return { prompt, sources };
}

describe('customer-facing drafts ground only in customer-safe spaces', () => {
  beforeAll(async () => {
    await resetKnowledge();
    const env = await knowledgeEnv();
    for (const document of [
      {
        id: 'sales/refund-exceptions',
        title: 'Refund exceptions (internal)',
        space: 'sales',
        markdown: `# Refund exceptions\nInternal refund exceptions we grant to strategic accounts: ${INTERNAL}.`,
      },
      {
        id: 'support/refund-window',
        title: 'Refund window',
        space: 'support',
        markdown: `# Refund exceptions and the refund window\nRefunds are granted within 30 days; exceptions: ${SAFE}.`,
      },
    ]) {
      expect((await putDocument(document, env)).status).toBeLessThan(300);
    }
  });

  for (const action of ['ticket-reply', 'follow-up-email']) {
    it(`${action}: the internal passage never reaches the prompt or the sources; the safe one does`, async () => {
      const env = await knowledgeEnv({ CUSTOMER_SAFE_SPACES: 'support' });
      const { prompt, sources } = await run(`/v1/actions/${action}`, env);
      expect(prompt).not.toContain(INTERNAL);
      expect(sources).not.toContain(INTERNAL);
      expect(prompt).toContain(SAFE);
      expect(sources).toContain(SAFE);
    });

    it(`${action}: with no customer-safe space configured, no passage at all`, async () => {
      const { prompt, sources } = await run(`/v1/actions/${action}`, await knowledgeEnv());
      expect(prompt).not.toContain(INTERNAL);
      expect(prompt).not.toContain(SAFE);
      expect(sources).toBe('[]');
    });
  }

  it('a space listed as safe but not readable by the agent stays unreadable', async () => {
    const env = await knowledgeEnv({ CUSTOMER_SAFE_SPACES: 'support,sales' });
    const reader = await signToken({ sub: 'support-only', groups: ['support-team'] });
    const tag = `safe-unreadable-${crypto.randomUUID()}`;
    const response = await call(
      '/v1/actions/ticket-reply',
      jsonInit({ page: ticket, messages: [userMessage(`[[reply: ok]] ${tag}`)] }, reader),
      env,
    );
    expect(response.status).toBe(200);
    await readUIStream(response);
    const prompt = JSON.stringify((await upstreamRequests()).filter((r) => JSON.stringify(r.body).includes(tag)));
    expect(prompt).not.toContain(INTERNAL);
    expect(prompt).toContain(SAFE);
  });

  it('chat and summaries still ground in every readable space', async () => {
    const env = await knowledgeEnv({ CUSTOMER_SAFE_SPACES: 'support' });
    const { prompt } = await run('/v1/chat', env);
    expect(prompt).toContain(INTERNAL);
  });
});
