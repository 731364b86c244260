/**
 * Worker tests' helpers for conversations: a signed-in person per test (their own subject, so tests never see
 * each other's rows), chat turns as that person, and the conversation API.
 */
import type { ConversationDetail, ConversationSummary } from '../../shared/conversations';
import type { PageContext } from '../../shared/page-context';
import { call, jsonInit, readUIStream, signToken, type UIChunk, userMessage } from './support';

export interface Person {
  subject: string;
  token: string;
}

export async function person(name: string): Promise<Person> {
  const subject = `${name}-${crypto.randomUUID()}`;
  return { subject, token: await signToken({ sub: subject, email: `${name}@example.com` }) };
}

export function authorized(token: string, init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return { ...init, headers };
}

export interface Turn {
  response: Response;
  conversationId: string | null;
  chunks: UIChunk[];
}

/** One chat turn as `who`, read to its end. */
export async function chatTurn(
  who: Person,
  messages: ReturnType<typeof userMessage>[] | { id: string; role: string; parts: unknown[] }[],
  extra: { conversationId?: string; page?: PageContext; trigger?: string } = {},
): Promise<Turn> {
  const response = await call('/v1/chat', jsonInit({ messages, ...extra }, who.token));
  const conversationId = response.headers.get('X-Conversation-Id');
  const chunks = response.headers.get('Content-Type')?.includes('text/event-stream')
    ? await readUIStream(response)
    : [];
  return { response, conversationId, chunks };
}

export async function getConversation(who: Person, id: string): Promise<{ status: number; body: ConversationDetail }> {
  const response = await call(`/v1/conversations/${id}`, authorized(who.token));
  return { status: response.status, body: (await response.json()) as ConversationDetail };
}

export async function listConversations(who: Person, query = ''): Promise<ConversationSummary[]> {
  const response = await call(`/v1/conversations${query}`, authorized(who.token));
  if (response.status !== 200) throw new Error(`list: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { conversations: ConversationSummary[] }).conversations;
}

export { userMessage };
