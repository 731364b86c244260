import {
  ConversationDetail,
  ConversationList,
  type ConversationListQuery,
  type ConversationSummary,
} from '../../shared/conversations';
import { checkServerUrl } from '../../shared/server-url';
import { authorizationHeader } from '../auth/client';
import { InsecureServerError } from './errors';
import { currentWorkerUrl } from './settings';

/** A conversation request the server refused (404: not found or not yours; 401: signed out…). */
export class ConversationRequestError extends Error {
  constructor(readonly status: number) {
    super(`The server answered ${status}.`);
    this.name = 'ConversationRequestError';
  }
}

/** The stored conversations API (/v1/conversations), with the same server check and sign-in as the chat. */
async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const base = await currentWorkerUrl();
  const checked = checkServerUrl(base);
  if (!checked.ok) throw new InsecureServerError(checked.message);
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(await authorizationHeader())) headers.set(name, value);
  const response = await fetch(`${base}${path}`, { ...init, headers });
  if (!response.ok) throw new ConversationRequestError(response.status);
  return response;
}

export async function listConversations(
  query: Partial<Pick<ConversationListQuery, 'record' | 'q' | 'limit'>> = {},
  signal?: AbortSignal,
): Promise<ConversationSummary[]> {
  const search = new URLSearchParams();
  if (query.record) search.set('record', query.record);
  if (query.q) search.set('q', query.q);
  if (query.limit) search.set('limit', String(query.limit));
  const suffix = search.size > 0 ? `?${search}` : '';
  const response = await request(`/v1/conversations${suffix}`, signal ? { signal } : {});
  return ConversationList.parse(await response.json()).conversations;
}

export async function getConversation(id: string, signal?: AbortSignal): Promise<ConversationDetail> {
  const response = await request(`/v1/conversations/${encodeURIComponent(id)}`, signal ? { signal } : {});
  return ConversationDetail.parse(await response.json());
}

export async function renameConversation(id: string, title: string): Promise<void> {
  await request(`/v1/conversations/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  });
}

export async function deleteConversation(id: string): Promise<void> {
  await request(`/v1/conversations/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
