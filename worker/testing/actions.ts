import type { ActionId } from '../../shared/actions';
import type { Env } from '../env';
import { call, jsonInit, readUIStream, upstreamUrl, userMessage } from './support';

interface RecordedChat {
  body?: { messages?: { role?: string; content?: unknown }[] };
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (typeof part?.text === 'string' ? part.text : '')).join('\n');
}

/**
 * The instructions an action really sent to the model, read from the test upstream's request log, so this proves
 * what crossed the wire, not what a function returned. (Reading the log rather than having the upstream echo the
 * prompt back keeps long prompts fast: echoing 30,000 characters token by token is slow on a loaded machine.)
 */
export async function instructionsSent(
  id: ActionId,
  body: Record<string, unknown>,
  environment?: Env,
): Promise<string> {
  const tag = `instructions-${crypto.randomUUID()}`;
  const response = await call(
    `/v1/actions/${id}`,
    jsonInit({ ...body, messages: [userMessage(`[[reply: ok]] ${tag}`)] }),
    environment,
  );
  if (response.status !== 200) throw new Error(`POST /v1/actions/${id} → ${response.status}: ${await response.text()}`);
  await readUIStream(response);
  const log = (await (await fetch(`${upstreamUrl().replace(/\/v1$/, '')}/__requests`)).json()) as RecordedChat[];
  const sent = log.find((request) => JSON.stringify(request.body ?? '').includes(tag));
  if (!sent) throw new Error(`the model never received the request of POST /v1/actions/${id}`);
  return (sent.body?.messages ?? [])
    .filter((message) => message.role === 'system' || message.role === 'developer')
    .map((message) => contentText(message.content))
    .join('\n\n');
}
