/**
 * Mistral's chat completions (`POST {base}/chat/completions`, `@ai-sdk/mistral`): OpenAI's shape with Mistral's own
 * rules, which the OpenAI side of the test upstream would let pass. Mistral refuses parameters it does not know
 * (422 `extra_forbidden`, e.g. OpenAI's `stream_options`), and tool call ids must be nine letters or digits — its own
 * ids look like that, and a conversation that sends any other id back is refused. A streamed answer sends each tool
 * call whole in one delta and its usage on the last chunk (no `[DONE]`-only usage chunk); errors are
 * `{"object":"error","message","type","param","code"}`.
 */
import type { ServerResponse } from 'node:http';
import type { ChatPlan } from './chat-plan';
import { splitIntoPieces } from './chat-wire';
import { approximateTokens } from './embeddings';
import { sleep, writeChunk } from './http-util';

/** Body fields the Mistral chat API accepts (anything else is a 422). */
const MISTRAL_FIELDS = new Set([
  'model',
  'messages',
  'temperature',
  'top_p',
  'max_tokens',
  'stream',
  'stop',
  'random_seed',
  'response_format',
  'tools',
  'tool_choice',
  'presence_penalty',
  'frequency_penalty',
  'n',
  'prediction',
  'parallel_tool_calls',
  'prompt_mode',
  'safe_prompt',
  'reasoning_effort',
  'document_image_limit',
  'document_page_limit',
  'prompt_cache_key',
]);

const TOOL_CALL_ID = /^[a-zA-Z0-9]{9}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

export interface MistralRefusal {
  status: number;
  message: string;
  type: string;
}

/** What Mistral would refuse in this request; undefined when it would accept it. */
export function mistralRefusal(body: Record<string, unknown>): MistralRefusal | undefined {
  const extra = Object.keys(body).filter((key) => !MISTRAL_FIELDS.has(key));
  if (extra.length > 0) {
    return {
      status: 422,
      type: 'invalid_request_error',
      message: `Extra inputs are not permitted: ${extra.join(', ')}`,
    };
  }
  for (const message of Array.isArray(body.messages) ? body.messages.filter(isObject) : []) {
    const ids = [
      ...(Array.isArray(message.tool_calls) ? message.tool_calls.filter(isObject).map((call) => call.id) : []),
      ...(message.role === 'tool' ? [message.tool_call_id] : []),
    ];
    const wrong = ids.find((id) => typeof id !== 'string' || !TOOL_CALL_ID.test(id));
    if (wrong !== undefined) {
      return {
        status: 400,
        type: 'invalid_request_message_order',
        message: `Tool call id was ${String(wrong)} but must be a-z, A-Z, 0-9, with a length of 9.`,
      };
    }
  }
  return undefined;
}

export function sendMistralError(res: ServerResponse, status: number, message: string, type = 'api_error'): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ object: 'error', message, type, param: null, code: String(status) }));
}

/** Mistral's tool call id for a planned call: nine letters and digits, unique per request and call. */
export function mistralToolCallId(requestId: number, index: number): string {
  return `${String(requestId % 1_000_000).padStart(6, '0')}tc${index % 10}`;
}

export interface MistralContext {
  res: ServerResponse;
  signal: AbortSignal;
  requestId: number;
  model: string;
  promptTokens: number;
  onServerDisconnect: () => void;
}

function usage(ctx: MistralContext, plan: ChatPlan) {
  const { answer } = plan;
  const text = answer.kind === 'text' ? answer.text : answer.calls.map((call) => call.name + call.arguments).join('');
  const completion = Math.max(1, approximateTokens(text));
  return {
    prompt_tokens: ctx.promptTokens,
    completion_tokens: completion,
    total_tokens: ctx.promptTokens + completion,
  };
}

function toolCalls(ctx: MistralContext, plan: ChatPlan) {
  if (plan.answer.kind !== 'tool-calls') return [];
  return plan.answer.calls.map((call, index) => ({
    id: mistralToolCallId(ctx.requestId, index),
    type: 'function',
    function: { name: call.name, arguments: call.arguments },
    index,
  }));
}

const finishReason = (plan: ChatPlan) => (plan.answer.kind === 'tool-calls' ? 'tool_calls' : 'stop');

function chunk(ctx: MistralContext, delta: Record<string, unknown>, finish: string | null, extra = {}) {
  return {
    id: `beside${ctx.requestId}`,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: ctx.model,
    choices: [{ index: 0, delta, finish_reason: finish }],
    ...extra,
  };
}

export async function sendMistralStream(ctx: MistralContext, plan: ChatPlan): Promise<void> {
  const { res, signal } = ctx;
  const { script } = plan;
  const disconnecting = script.disconnectAfter !== undefined;
  const send = (data: string) => writeChunk(res, data, disconnecting);
  const sse = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  res.flushHeaders();

  await send(sse(chunk(ctx, { role: 'assistant', content: '' }, null)));
  const deltas: Record<string, unknown>[] =
    plan.answer.kind === 'text'
      ? splitIntoPieces(plan.answer.text).map((content) => ({ content }))
      : [{ content: '', tool_calls: toolCalls(ctx, plan) }];
  const limit = disconnecting ? Math.min(script.disconnectAfter!, deltas.length) : deltas.length;
  for (let index = 0; index < limit; index++) {
    if (index > 0) await sleep(script.chunkDelayMs, signal);
    if (signal.aborted) return;
    const last = !disconnecting && index === deltas.length - 1;
    await send(
      sse(chunk(ctx, deltas[index]!, last ? finishReason(plan) : null, last ? { usage: usage(ctx, plan) } : {})),
    );
    if (script.garbage && index === 0) await send('data: {not json\n\n');
  }
  if (signal.aborted) return;
  if (disconnecting) {
    ctx.onServerDisconnect();
    res.destroy();
    return;
  }
  if (deltas.length === 0) await send(sse(chunk(ctx, {}, finishReason(plan), { usage: usage(ctx, plan) })));
  res.end('data: [DONE]\n\n');
}

export function sendMistralCompletion(ctx: MistralContext, plan: ChatPlan): void {
  const { res } = ctx;
  if (plan.script.disconnectAfter !== undefined) {
    ctx.onServerDisconnect();
    res.destroy();
    return;
  }
  const calls = toolCalls(ctx, plan).map(({ index: _index, ...call }) => call);
  const message =
    plan.answer.kind === 'text'
      ? { role: 'assistant', content: plan.answer.text, tool_calls: null, prefix: false }
      : { role: 'assistant', content: '', tool_calls: calls, prefix: false };
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id: `beside${ctx.requestId}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: ctx.model,
      choices: [{ index: 0, message, finish_reason: finishReason(plan) }],
      usage: usage(ctx, plan),
    }),
  );
}
