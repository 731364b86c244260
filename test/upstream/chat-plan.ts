/**
 * Decides what the fake model answers to a /v1/chat/completions request. Pure: no I/O, so the rules
 * can be read (and tested) in one place; chat-wire.ts turns the answer into OpenAI's wire format.
 */

import { demoAnswer } from './demo';
import {
  hasToolResults,
  lastMessageText,
  offeredToolNames,
  parseDirectives,
  type Script,
  stripDirectives,
  systemTexts,
  toScript,
} from './directives';
import { planObedientAnswer } from './obey';

export interface PlannedToolCall {
  id: string;
  name: string;
  arguments: string;
}

export type Answer = { kind: 'text'; text: string } | { kind: 'tool-calls'; calls: PlannedToolCall[] };

export interface ChatPlan {
  script: Script;
  answer: Answer;
}

/** Fixed Markdown for UI tests: every construct the side panel renders, plus raw HTML it must not run. */
export const MARKDOWN_SAMPLE = [
  '# Refund policy',
  '',
  'Here is what **you need to know**:',
  '',
  '- Refunds within *30 days*',
  '- See [the policy](https://example.com)',
  '',
  '| Plan | Price |',
  '| --- | --- |',
  '| Basic | $10 |',
  '| Pro | $25 |',
  '',
  '```ts',
  'const total = price * quantity;',
  '```',
  '',
  'Raw HTML must stay inert: <img src=x onerror=alert(1)>',
].join('\n');

/** How much of a tool result "Tool said:" repeats. */
const TOOL_ECHO_CHARS = 500;

/** The default answer: proves which user text and how much system context reached the model. */
export function defaultReply(userText: string, systemChars: number): string {
  return `You asked: "${userText}" (context: ${systemChars} chars)`;
}

export function planChat(
  request: Record<string, unknown>,
  requestId: number,
  options: { demo?: boolean } = {},
): ChatPlan {
  const messages = request.messages;
  const { directives, text } = parseDirectives(lastMessageText(messages, 'user') ?? '');
  const script = toScript(directives, typeof request.model === 'string' ? request.model : undefined);
  const systems = systemTexts(messages);

  if (script.obey) {
    const obeyed = planObedientAnswer(request);
    if (obeyed.kind === 'text') return { script, answer: obeyed };
    const calls = obeyed.calls.map((call, index) => ({ id: `call_${requestId}_${index}`, ...call }));
    return { script, answer: { kind: 'tool-calls', calls } };
  }

  if (script.tools.length > 0) {
    if (hasToolResults(messages)) {
      const toolText = lastMessageText(messages, 'tool') ?? '';
      return { script, answer: { kind: 'text', text: `Tool said: ${toolText.slice(0, TOOL_ECHO_CHARS)}` } };
    }
    const offered = offeredToolNames(request);
    const calls = script.tools
      .filter((tool) => offered.has(tool.name))
      .map((tool, index) => ({ id: `call_${requestId}_${index}`, name: tool.name, arguments: tool.arguments }));
    // A tool the request does not offer cannot be called; fall through to a text answer instead.
    if (calls.length > 0) return { script, answer: { kind: 'tool-calls', calls } };
  }

  let reply: string;
  if (script.reply !== undefined) reply = script.reply;
  else if (script.markdown) reply = MARKDOWN_SAMPLE;
  else if (script.echoSystem) reply = systems.map(stripDirectives).join('\n\n');
  else if (options.demo) reply = demoAnswer(Array.isArray(messages) ? messages : [], text.trim());
  else
    reply = defaultReply(
      text.trim(),
      systems.reduce((sum, s) => sum + s.length, 0),
    );
  return { script, answer: { kind: 'text', text: reply } };
}
