/** Facts about a chat or action request body, read defensively: the body may be anything an attacker sent. */
export interface RequestFacts {
  pageSite: string | null;
  conversationId: string | null;
  question: string | undefined;
}

const SITE = /^[a-z0-9][a-z0-9.-]{0,39}$/;

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function requestFacts(body: unknown): RequestFacts {
  const fields = record(body) ?? {};
  const site = record(fields.page)?.site;
  const normalised = typeof site === 'string' ? site.trim().toLowerCase() : '';
  const conversationId = fields.conversationId;
  const messages = Array.isArray(fields.messages) ? fields.messages : [];
  const lastUser = [...messages]
    .reverse()
    .map(record)
    .find((message) => message?.role === 'user');
  const question = Array.isArray(lastUser?.parts)
    ? lastUser.parts
        .map((part) => record(part))
        .map((part) => (part?.type === 'text' && typeof part.text === 'string' ? part.text : ''))
        .join('\n')
        .trim()
    : undefined;
  return {
    pageSite: normalised ? (SITE.test(normalised) ? normalised : 'other') : null,
    conversationId:
      typeof conversationId === 'string' && conversationId.length > 0 && conversationId.length <= 200
        ? conversationId
        : null,
    question: question || undefined,
  };
}

/** Distinct citation markers the answer used: [1], [2]… and [P] for the page. */
export function countCitations(answer: string): number {
  return new Set(answer.match(/\[(?:P|\d{1,3})\]/g) ?? []).size;
}
