/**
 * Writes a planned answer in OpenAI's chat-completions wire format: an SSE stream of
 * `chat.completion.chunk` objects ending in `data: [DONE]`, or one `chat.completion` object.
 * Field shapes follow what api.openai.com sends, so `@ai-sdk/openai` (`openai.chat(id)`) parses it
 * exactly as it would parse the real thing.
 */
import type { ServerResponse } from 'node:http';
import type { ChatPlan, PlannedToolCall } from './chat-plan';
import { approximateTokens } from './embeddings';
import { sleep, writeChunk } from './http-util';

export interface ChatResponseContext {
  res: ServerResponse;
  /** Aborted when the client goes away; every wait and write stops early. */
  signal: AbortSignal;
  requestId: number;
  model: string;
  promptTokens: number;
  includeUsage: boolean;
  /** Called just before the server itself drops the connection, so it is not recorded as a client abort. */
  onServerDisconnect: () => void;
}

const SYSTEM_FINGERPRINT = 'fp_beside_test';

/** Word-ish pieces, each with its leading whitespace (as model tokens come); joined they give `text` back. */
export function splitIntoPieces(text: string): string[] {
  const pieces: string[] = [...(text.match(/\s*\S+/g) ?? [])];
  const consumed = pieces.reduce((sum, piece) => sum + piece.length, 0);
  const trailing = text.slice(consumed);
  if (trailing) {
    if (pieces.length > 0) pieces[pieces.length - 1] += trailing;
    else pieces.push(trailing);
  }
  return pieces;
}

/** Tool arguments arrive in a few fragments, as they do from OpenAI; no fragment is valid JSON on its own. */
function splitArguments(args: string): string[] {
  if (args.length === 0) return [];
  const size = Math.max(1, Math.ceil(args.length / 3));
  const parts: string[] = [];
  for (let i = 0; i < args.length; i += size) parts.push(args.slice(i, i + size));
  return parts;
}

function completionTokens(plan: ChatPlan): number {
  const { answer } = plan;
  const text = answer.kind === 'text' ? answer.text : answer.calls.map((c) => c.name + c.arguments).join('');
  return Math.max(1, approximateTokens(text));
}

function usage(ctx: ChatResponseContext, plan: ChatPlan) {
  const completion = completionTokens(plan);
  return {
    prompt_tokens: ctx.promptTokens,
    completion_tokens: completion,
    total_tokens: ctx.promptTokens + completion,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  };
}

function finishReason(plan: ChatPlan): 'stop' | 'tool_calls' {
  return plan.answer.kind === 'tool-calls' ? 'tool_calls' : 'stop';
}

function chunk(ctx: ChatResponseContext, choices: unknown[], extra: Record<string, unknown> = {}) {
  return {
    id: `chatcmpl-beside-${ctx.requestId}`,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: ctx.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices,
    ...extra,
  };
}

function deltaChoice(delta: Record<string, unknown>, finish: string | null = null) {
  return { index: 0, delta, logprobs: null, finish_reason: finish };
}

/** The deltas after the role delta: content pieces, or per tool call a header delta then argument fragments. */
function payloadDeltas(plan: ChatPlan): Record<string, unknown>[] {
  const { answer } = plan;
  if (answer.kind === 'text') return splitIntoPieces(answer.text).map((content) => ({ content }));
  return answer.calls.flatMap((call: PlannedToolCall, index) => [
    { tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] },
    ...splitArguments(call.arguments).map((fragment) => ({
      tool_calls: [{ index, function: { arguments: fragment } }],
    })),
  ]);
}

const sse = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;

export async function sendChatStream(ctx: ChatResponseContext, plan: ChatPlan): Promise<void> {
  const { res, signal } = ctx;
  const { script } = plan;
  const disconnecting = script.disconnectAfter !== undefined;
  // Before a deliberate disconnect every write is flushed, so the client sees exactly N chunks.
  const send = (data: string) => writeChunk(res, data, disconnecting);

  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-request-id': `req_beside_${ctx.requestId}`,
  });
  res.flushHeaders();

  // OpenAI opens with the role; content is "" for a text answer and null when tool calls follow.
  const opening = { role: 'assistant', content: plan.answer.kind === 'text' ? '' : null, refusal: null };
  await send(sse(chunk(ctx, [deltaChoice(opening)])));

  const deltas = payloadDeltas(plan);
  const limit = disconnecting ? Math.min(script.disconnectAfter!, deltas.length) : deltas.length;
  for (let i = 0; i < limit; i++) {
    if (i > 0) await sleep(script.chunkDelayMs, signal);
    if (signal.aborted) return;
    await send(sse(chunk(ctx, [deltaChoice(deltas[i]!)])));
    if (script.garbage && i === 0) await send('data: {not json\n\n');
  }
  if (signal.aborted) return;
  if (disconnecting) {
    ctx.onServerDisconnect();
    res.destroy();
    return;
  }

  await send(sse(chunk(ctx, [deltaChoice({}, finishReason(plan))])));
  if (ctx.includeUsage) await send(sse(chunk(ctx, [], { usage: usage(ctx, plan) })));
  if (signal.aborted) return;
  res.end('data: [DONE]\n\n');
}

export function sendChatCompletion(ctx: ChatResponseContext, plan: ChatPlan): void {
  const { res } = ctx;
  const { script, answer } = plan;
  if (script.disconnectAfter !== undefined) {
    // Nothing of a non-streamed answer can arrive before the whole of it, so "after N chunks" means "at once".
    ctx.onServerDisconnect();
    res.destroy();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': `req_beside_${ctx.requestId}` });
  if (script.garbage) {
    res.end('{not json');
    return;
  }
  const message =
    answer.kind === 'text'
      ? { role: 'assistant', content: answer.text, refusal: null, annotations: [] }
      : {
          role: 'assistant',
          content: null,
          refusal: null,
          tool_calls: answer.calls.map((call) => ({
            id: call.id,
            type: 'function',
            function: { name: call.name, arguments: call.arguments },
          })),
          annotations: [],
        };
  res.end(
    JSON.stringify({
      id: `chatcmpl-beside-${ctx.requestId}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: ctx.model,
      system_fingerprint: SYSTEM_FINGERPRINT,
      choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason(plan) }],
      usage: usage(ctx, plan),
    }),
  );
}
