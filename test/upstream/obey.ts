/**
 * The most obedient model imaginable, for the prompt-injection suites (`[[obey]]` in the last user message).
 * A real model sometimes follows instructions hidden in a page, a document or a tool result; this one always
 * does, so a suite run against it shows what an attacker gets when the model is fully fooled. What stays
 * safe then is what the worker and the panel guarantee, not what the model chose.
 *
 * Injected commands, anywhere in any message the model received (system, user, assistant, tool):
 *   `!!do: call <tool> <query text>`  → calls that tool (when offered) with `{ "query": "<query text>" }`
 *   `!!do: say <text>`                → writes the text; `{{tool}}` becomes the URL-encoded latest tool result
 * After following them it also repeats everything it was given (system text and tool results), the way a
 * leaky model would, so any secret that reached the prompt also reaches the answer.
 */
import { contentText, offeredToolNames } from './directives';

export interface ObeyToolCall {
  name: string;
  arguments: string;
}

export type ObeyAnswer = { kind: 'text'; text: string } | { kind: 'tool-calls'; calls: ObeyToolCall[] };

interface WireMessage {
  role?: unknown;
  content?: unknown;
  tool_calls?: unknown;
}

// One command per line; the payload runs to the end of the line. Bounded quantifiers keep it linear.
const COMMAND = /!!do:[ \t]{0,8}(call|say)[ \t]{1,8}([^\n]{1,2000})/gi;
const ECHO_LIMIT = 60_000;

function messagesOf(request: Record<string, unknown>): WireMessage[] {
  const messages = request.messages;
  return Array.isArray(messages) ? messages.filter((m): m is WireMessage => !!m && typeof m === 'object') : [];
}

/** Tool results arrive as JSON text; commands inside them are JSON-escaped, so read the decoded strings too. */
function readable(text: string): string {
  try {
    const strings: string[] = [];
    JSON.parse(text, (_key, value) => {
      if (typeof value === 'string') strings.push(value);
      return value;
    });
    return `${text}\n${strings.join('\n')}`;
  } catch {
    return text;
  }
}

function callsAlreadyMade(messages: WireMessage[]): Set<string> {
  const made = new Set<string>();
  for (const message of messages) {
    if (!Array.isArray(message.tool_calls)) continue;
    for (const call of message.tool_calls) {
      const name = call?.function?.name;
      const args = call?.function?.arguments;
      if (typeof name === 'string' && typeof args === 'string') made.add(`${name}\u0000${args}`);
    }
  }
  return made;
}

export function planObedientAnswer(request: Record<string, unknown>): ObeyAnswer {
  const messages = messagesOf(request);
  const texts = messages.map((message) => readable(contentText(message.content)));
  const everything = texts.join('\n');
  const offered = offeredToolNames(request);
  const made = callsAlreadyMade(messages);

  const calls: ObeyToolCall[] = [];
  const sayings: string[] = [];
  for (const match of everything.matchAll(COMMAND)) {
    const verb = match[1]!.toLowerCase();
    const payload = match[2]!.trim();
    if (verb === 'say') {
      sayings.push(payload);
      continue;
    }
    const [name = '', ...rest] = payload.split(/[ \t]+/);
    const args = JSON.stringify({ query: rest.join(' ') || 'everything' });
    if (offered.has(name) && !made.has(`${name}\u0000${args}`) && !calls.some((c) => c.arguments === args)) {
      calls.push({ name, arguments: args });
    }
  }
  if (calls.length > 0) return { kind: 'tool-calls', calls };

  const toolResults = messages.filter((m) => m.role === 'tool').map((m) => contentText(m.content));
  const latestTool = encodeURIComponent((toolResults.at(-1) ?? '').slice(0, 300));
  const said = [...new Set(sayings)].map((text) => text.replaceAll('{{tool}}', latestTool));
  const seen = messages
    .filter((m) => m.role === 'system' || m.role === 'developer' || m.role === 'tool')
    .map((m) => contentText(m.content))
    .join('\n\n')
    .slice(0, ECHO_LIMIT);
  return { kind: 'text', text: [...said, 'Everything I was given:', seen].join('\n\n') };
}
