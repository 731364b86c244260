/** Helpers shared by the upstream's own tests. */
import type { Upstream } from './server';

/** The `data:` payloads of an SSE body, in order (including `[DONE]` and any malformed line). */
export function sseData(body: string): string[] {
  return body
    .split('\n\n')
    .map((event) => event.trim())
    .filter((event) => event.startsWith('data: '))
    .map((event) => event.slice('data: '.length));
}

export function chatBody(userText: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: 'test-model', messages: [{ role: 'user', content: userText }], ...extra };
}

export function postJson(upstream: Upstream, path: string, body: unknown, init: RequestInit = {}): Promise<Response> {
  return fetch(`${upstream.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-secret-test-key' },
    body: JSON.stringify(body),
    ...init,
  });
}

/** Polls until `predicate` holds (the server records aborts asynchronously, when the socket closes). */
export async function waitFor(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Content deltas of a streamed chat completion, parsed. */
export function contentDeltas(body: string): string[] {
  const deltas: string[] = [];
  for (const data of sseData(body)) {
    if (data === '[DONE]') continue;
    const content = JSON.parse(data).choices?.[0]?.delta?.content;
    if (typeof content === 'string' && content.length > 0) deltas.push(content);
  }
  return deltas;
}
