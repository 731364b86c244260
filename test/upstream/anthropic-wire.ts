/**
 * The Anthropic Messages API (`POST /v1/messages`) over the same scripted answers as the OpenAI side: the request
 * is read into the OpenAI shape `planChat` understands, and the plan is written back as Anthropic's SSE events
 * (message_start, content_block_start/delta/stop, message_delta, message_stop) or one `message` object. Field
 * shapes follow what api.anthropic.com sends, so `@ai-sdk/anthropic` parses it as it would the real thing.
 */
import type { ServerResponse } from 'node:http';
import type { ChatPlan } from './chat-plan';
import { splitIntoPieces } from './chat-wire';
import { approximateTokens } from './embeddings';
import { sleep, writeChunk } from './http-util';

type Block = { type?: unknown; text?: unknown; id?: unknown; name?: unknown; input?: unknown; content?: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

function blocks(content: unknown): Block[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return Array.isArray(content) ? content.filter(isObject) : [];
}

function textOf(content: unknown): string {
  return blocks(content)
    .map((block) => (block.type === 'text' && typeof block.text === 'string' ? block.text : ''))
    .filter(Boolean)
    .join('\n');
}

/**
 * An Anthropic request in OpenAI's shape: `system` becomes a system message, text blocks become messages of their
 * role, `tool_use` blocks assistant tool calls and `tool_result` blocks tool messages; `tools` become functions.
 * A user turn that only returns tool results adds no user message, so the question stays the last user text.
 */
export function toOpenAIShape(body: Record<string, unknown>): Record<string, unknown> {
  const messages: Record<string, unknown>[] = [];
  const system = textOf(body.system);
  if (system) messages.push({ role: 'system', content: system });
  for (const message of Array.isArray(body.messages) ? body.messages.filter(isObject) : []) {
    const role = message.role === 'assistant' ? 'assistant' : 'user';
    const parts = blocks(message.content);
    for (const result of parts.filter((part) => part.type === 'tool_result')) {
      messages.push({ role: 'tool', content: textOf(result.content) || String(result.content ?? '') });
    }
    const text = textOf(parts);
    const calls = parts
      .filter((part) => part.type === 'tool_use')
      .map((part) => ({
        id: part.id,
        type: 'function',
        function: { name: part.name, arguments: JSON.stringify(part.input ?? {}) },
      }));
    if (text || calls.length > 0) {
      messages.push({ role, content: text, ...(calls.length > 0 ? { tool_calls: calls } : {}) });
    }
  }
  const tools = Array.isArray(body.tools)
    ? body.tools.filter(isObject).map((tool) => ({ type: 'function', function: { name: tool.name } }))
    : undefined;
  const choice = isObject(body.tool_choice) ? body.tool_choice.type : undefined;
  return {
    model: body.model,
    messages,
    ...(tools ? { tools } : {}),
    ...(choice === 'none' ? { tool_choice: 'none' } : {}),
  };
}

/** Anthropic's error `type` for a status (529 is its "overloaded"). */
export function anthropicErrorType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 413) return 'request_too_large';
  if (status === 429) return 'rate_limit_error';
  if (status === 503 || status === 529) return 'overloaded_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}

export function sendAnthropicError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'content-type': 'application/json',
    'request-id': 'req_beside_error',
    ...(status === 429 ? { 'retry-after': '1' } : {}),
  });
  res.end(JSON.stringify({ type: 'error', error: { type: anthropicErrorType(status), message } }));
}

export interface AnthropicContext {
  res: ServerResponse;
  signal: AbortSignal;
  requestId: number;
  model: string;
  inputTokens: number;
  onServerDisconnect: () => void;
}

interface Content {
  block: Record<string, unknown>;
  deltas: Record<string, unknown>[];
}

/** Each content block with its opening form and its deltas: text in word pieces, tool input in JSON fragments. */
function contents(plan: ChatPlan, requestId: number): Content[] {
  const { answer } = plan;
  if (answer.kind === 'text') {
    return [
      {
        block: { type: 'text', text: '' },
        deltas: splitIntoPieces(answer.text).map((text) => ({ type: 'text_delta', text })),
      },
    ];
  }
  return answer.calls.map((call, index) => {
    const size = Math.max(1, Math.ceil(call.arguments.length / 3));
    const fragments: string[] = [];
    for (let at = 0; at < call.arguments.length; at += size) fragments.push(call.arguments.slice(at, at + size));
    return {
      block: { type: 'tool_use', id: `toolu_beside_${requestId}_${index}`, name: call.name, input: {} },
      deltas: fragments.map((partial_json) => ({ type: 'input_json_delta', partial_json })),
    };
  });
}

function outputTokens(plan: ChatPlan): number {
  const { answer } = plan;
  const text = answer.kind === 'text' ? answer.text : answer.calls.map((call) => call.name + call.arguments).join('');
  return Math.max(1, approximateTokens(text));
}

const stopReason = (plan: ChatPlan) => (plan.answer.kind === 'tool-calls' ? 'tool_use' : 'end_turn');
const event = (type: string, data: Record<string, unknown>) =>
  `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

export async function sendAnthropicStream(ctx: AnthropicContext, plan: ChatPlan): Promise<void> {
  const { res, signal } = ctx;
  const { script } = plan;
  const disconnecting = script.disconnectAfter !== undefined;
  const send = (data: string) => writeChunk(res, data, disconnecting);
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'request-id': `req_beside_${ctx.requestId}`,
  });
  res.flushHeaders();

  await send(
    event('message_start', {
      message: {
        id: `msg_beside_${ctx.requestId}`,
        type: 'message',
        role: 'assistant',
        model: ctx.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: ctx.inputTokens, output_tokens: 1 },
      },
    }),
  );

  // `disconnect-after: N` counts deltas across blocks, as the OpenAI side counts chunks.
  let sent = 0;
  const limit = disconnecting ? script.disconnectAfter! : Number.POSITIVE_INFINITY;
  for (const [index, content] of contents(plan, ctx.requestId).entries()) {
    if (sent >= limit) break;
    await send(event('content_block_start', { index, content_block: content.block }));
    for (const delta of content.deltas) {
      if (sent >= limit) break;
      if (sent > 0) await sleep(script.chunkDelayMs, signal);
      if (signal.aborted) return;
      await send(event('content_block_delta', { index, delta }));
      if (script.garbage && sent === 0) await send('event: content_block_delta\ndata: {not json\n\n');
      sent++;
    }
    if (sent >= limit) break;
    await send(event('content_block_stop', { index }));
  }
  if (signal.aborted) return;
  if (disconnecting) {
    ctx.onServerDisconnect();
    res.destroy();
    return;
  }
  await send(
    event('message_delta', {
      delta: { stop_reason: stopReason(plan), stop_sequence: null },
      usage: { output_tokens: outputTokens(plan) },
    }),
  );
  res.end(event('message_stop', {}));
}

export function sendAnthropicMessage(ctx: AnthropicContext, plan: ChatPlan): void {
  const { res } = ctx;
  if (plan.script.disconnectAfter !== undefined) {
    ctx.onServerDisconnect();
    res.destroy();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_beside_${ctx.requestId}` });
  const content =
    plan.answer.kind === 'text'
      ? [{ type: 'text', text: plan.answer.text }]
      : plan.answer.calls.map((call, index) => ({
          type: 'tool_use',
          id: `toolu_beside_${ctx.requestId}_${index}`,
          name: call.name,
          input: safeJson(call.arguments),
        }));
  res.end(
    JSON.stringify({
      id: `msg_beside_${ctx.requestId}`,
      type: 'message',
      role: 'assistant',
      model: ctx.model,
      content,
      stop_reason: stopReason(plan),
      stop_sequence: null,
      usage: { input_tokens: ctx.inputTokens, output_tokens: outputTokens(plan) },
    }),
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
