import type { ConversationMessage, PageContext } from '../../shared/page-context';

/**
 * Who a draft should go to, read from the typed capture and written into the page data (still inside the
 * untrusted <page> block, never into instructions). Models otherwise tend to address whoever the page names
 * first, which on a ticket is often the assignee and on a thread is often the person using Beside.
 */

const CONTACT_LABEL = /contact|requester|customer|recipient|e-?mail|champion|decision maker|signer/i;
const MAX_FACTS = 8;

function latestFromOtherParty(messages: readonly ConversationMessage[]): ConversationMessage | undefined {
  const publicMessages = messages.filter((message) => message.visibility === 'public');
  const customer = publicMessages.filter((message) => message.role === 'customer').at(-1);
  return customer ?? publicMessages.filter((message) => message.role !== 'agent').at(-1);
}

export function addressFacts(page: PageContext): string[] {
  const facts: string[] = [];
  for (const field of page.record?.fields ?? []) {
    if (CONTACT_LABEL.test(field.label)) facts.push(`${field.label}: ${field.value}`);
  }
  for (const field of page.conversation?.fields ?? []) {
    if (CONTACT_LABEL.test(field.label)) facts.push(`${field.label}: ${field.value}`);
  }
  const latest = latestFromOtherParty(page.conversation?.messages ?? []);
  if (latest)
    facts.push(
      `Latest public message from the other party: ${latest.author}${latest.shownTime ? ` (${latest.shownTime}${latest.time ? `, ${latest.time}` : ''})` : latest.time ? ` (${latest.time})` : ''}`,
    );
  return facts.slice(0, MAX_FACTS).map((fact) => fact.replace(/\s+/g, ' ').slice(0, 300));
}

/** The page with a short "who to address" section first, when the capture says who that is. */
export function withAddressFacts(page: PageContext): PageContext {
  const facts = addressFacts(page);
  if (facts.length === 0) return page;
  const section = ['## Who to address (from the page)', ...facts.map((fact) => `- ${fact}`)].join('\n');
  return { ...page, markdown: `${section}\n\n${page.markdown}` };
}

/** Only what the person selected, with where it comes from: nothing else of the page reaches the model. */
export function selectionOnly(page: PageContext): PageContext {
  return {
    url: page.url,
    title: page.title,
    site: page.site,
    kind: page.kind,
    capturedAt: page.capturedAt,
    markdown: '',
    ...(page.selection ? { selection: page.selection } : {}),
  };
}

/** A search query for company knowledge: what the page is about and what the other party asked last. */
export function knowledgeQueryFor(page: PageContext, maxChars = 600): string {
  const latest = latestFromOtherParty(page.conversation?.messages ?? []);
  const parts = [
    page.conversation?.subject ?? page.record?.name ?? page.title,
    page.record ? `${page.record.objectType}` : '',
    latest?.text ?? page.markdown.slice(0, maxChars),
  ];
  return parts.filter(Boolean).join('\n').replace(/\s+/g, ' ').trim().slice(0, maxChars);
}
