/**
 * Google's Gemini API (`POST /v1beta/models/{model}:streamGenerateContent?alt=sse` and `:generateContent`) over the
 * same scripted answers as the OpenAI side: the request is read into the OpenAI shape `planChat` understands, and the
 * plan is written back as Gemini's `GenerateContentResponse` objects — one per SSE event when streaming. Field shapes
 * follow what generativelanguage.googleapis.com sends, so `@ai-sdk/google` parses it as it would the real thing:
 * text in `candidates[0].content.parts[].text`, a function call whole in one `functionCall` part, `finishReason`
 * `STOP` on the last event with `usageMetadata`, and errors as `{"error":{"code","message","status"}}`.
 */
import type { ServerResponse } from 'node:http';
import type { ChatPlan } from './chat-plan';
import { splitIntoPieces } from './chat-wire';
import { approximateTokens } from './embeddings';
import { sleep, writeChunk } from './http-util';

type Part = { text?: unknown; functionCall?: unknown; functionResponse?: unknown; thought?: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** `/v1beta/models/gemini-2.5-flash:streamGenerateContent` → the model and the method; undefined for other paths. */
export function parseGeminiPath(path: string): { model: string; method: string } | undefined {
  const match = /^\/v1beta\/models\/([^/:]+):([A-Za-z]+)$/.exec(path);
  return match ? { model: decodeURIComponent(match[1]!), method: match[2]! } : undefined;
}

function partsOf(content: unknown): Part[] {
  return isObject(content) && Array.isArray(content.parts) ? content.parts.filter(isObject) : [];
}

function textOf(parts: Part[]): string {
  return parts
    .filter((part) => typeof part.text === 'string' && part.thought !== true)
    .map((part) => part.text as string)
    .join('');
}

/** A function's result as the model reads it: `response.content` (what the AI SDK sends), else the JSON of it. */
function resultText(response: unknown): string {
  if (!isObject(response)) return '';
  if (typeof response.content === 'string') return response.content;
  return JSON.stringify(response.content ?? response.error ?? response);
}

/**
 * A Gemini request in OpenAI's shape: `systemInstruction` becomes a system message; `user` / `model` contents become
 * user / assistant messages; `functionCall` parts assistant tool calls and `functionResponse` parts tool messages;
 * `tools[].functionDeclarations` become functions. A user turn that only returns function results adds no user
 * message, so the question stays the last user text.
 */
export function toOpenAIShape(body: Record<string, unknown>): Record<string, unknown> {
  const messages: Record<string, unknown>[] = [];
  const system = textOf(partsOf(body.systemInstruction));
  if (system) messages.push({ role: 'system', content: system });
  for (const content of Array.isArray(body.contents) ? body.contents.filter(isObject) : []) {
    const role = content.role === 'model' ? 'assistant' : 'user';
    const parts = partsOf(content);
    for (const part of parts) {
      if (isObject(part.functionResponse)) {
        messages.push({ role: 'tool', content: resultText(part.functionResponse.response) });
      }
    }
    const text = textOf(parts);
    const calls = parts
      .map((part) => part.functionCall)
      .filter(isObject)
      .map((call, index) => ({
        id: `gemini_call_${index}`,
        type: 'function',
        function: { name: call.name, arguments: JSON.stringify(call.args ?? {}) },
      }));
    if (text || calls.length > 0) {
      messages.push({ role, content: text, ...(calls.length > 0 ? { tool_calls: calls } : {}) });
    }
  }
  const declarations = (Array.isArray(body.tools) ? body.tools.filter(isObject) : []).flatMap((tool) =>
    Array.isArray(tool.functionDeclarations) ? tool.functionDeclarations.filter(isObject) : [],
  );
  const mode =
    isObject(body.toolConfig) && isObject(body.toolConfig.functionCallingConfig)
      ? body.toolConfig.functionCallingConfig.mode
      : undefined;
  return {
    model: body.model,
    messages,
    ...(declarations.length > 0
      ? { tools: declarations.map((declaration) => ({ type: 'function', function: { name: declaration.name } })) }
      : {}),
    ...(mode === 'NONE' ? { tool_choice: 'none' } : {}),
  };
}

/** Google's canonical error status for an HTTP status (google.rpc.Code names). */
export function geminiErrorStatus(status: number): string {
  if (status === 400) return 'INVALID_ARGUMENT';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'PERMISSION_DENIED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RESOURCE_EXHAUSTED';
  if (status === 503) return 'UNAVAILABLE';
  if (status === 504) return 'DEADLINE_EXCEEDED';
  if (status >= 500) return 'INTERNAL';
  return 'FAILED_PRECONDITION';
}

export function sendGeminiError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify({ error: { code: status, message, status: geminiErrorStatus(status) } }));
}

export interface GeminiContext {
  res: ServerResponse;
  signal: AbortSignal;
  requestId: number;
  model: string;
  promptTokens: number;
  onServerDisconnect: () => void;
}

function candidateTokens(plan: ChatPlan): number {
  const { answer } = plan;
  const text = answer.kind === 'text' ? answer.text : answer.calls.map((call) => call.name + call.arguments).join('');
  return Math.max(1, approximateTokens(text));
}

function usageMetadata(ctx: GeminiContext, plan: ChatPlan) {
  const candidates = candidateTokens(plan);
  return {
    promptTokenCount: ctx.promptTokens,
    candidatesTokenCount: candidates,
    totalTokenCount: ctx.promptTokens + candidates,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: ctx.promptTokens }],
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** The parts of the answer, each as one event would carry it: text in word pieces, each function call whole. */
function answerParts(plan: ChatPlan): Record<string, unknown>[] {
  const { answer } = plan;
  if (answer.kind === 'text') return splitIntoPieces(answer.text).map((text) => ({ text }));
  return answer.calls.map((call) => ({ functionCall: { name: call.name, args: safeJson(call.arguments) } }));
}

function response(ctx: GeminiContext, parts: Record<string, unknown>[], last: { plan: ChatPlan } | undefined) {
  return {
    candidates: [
      {
        content: { parts, role: 'model' },
        ...(last ? { finishReason: 'STOP' } : {}),
        index: 0,
      },
    ],
    ...(last ? { usageMetadata: usageMetadata(ctx, last.plan) } : {}),
    modelVersion: ctx.model,
    responseId: `beside-gemini-${ctx.requestId}`,
  };
}

/** `streamGenerateContent?alt=sse`: one `data:` event per part, the last with `finishReason` and usage. */
export async function sendGeminiStream(ctx: GeminiContext, plan: ChatPlan): Promise<void> {
  const { res, signal } = ctx;
  const { script } = plan;
  const disconnecting = script.disconnectAfter !== undefined;
  const send = (data: string) => writeChunk(res, data, disconnecting);
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  res.flushHeaders();

  const parts = answerParts(plan);
  const limit = disconnecting ? Math.min(script.disconnectAfter!, parts.length) : parts.length;
  for (let index = 0; index < limit; index++) {
    if (index > 0) await sleep(script.chunkDelayMs, signal);
    if (signal.aborted) return;
    const last = !disconnecting && index === parts.length - 1 ? { plan } : undefined;
    await send(`data: ${JSON.stringify(response(ctx, [parts[index]!], last))}\r\n\r\n`);
    if (script.garbage && index === 0) await send('data: {not json\r\n\r\n');
  }
  if (signal.aborted) return;
  if (disconnecting) {
    ctx.onServerDisconnect();
    res.destroy();
    return;
  }
  // An empty answer still ends with a finishing event.
  if (parts.length === 0) await send(`data: ${JSON.stringify(response(ctx, [{ text: '' }], { plan }))}\r\n\r\n`);
  res.end();
}

/** `generateContent`: the whole answer in one response. */
export function sendGeminiContent(ctx: GeminiContext, plan: ChatPlan): void {
  const { res } = ctx;
  if (plan.script.disconnectAfter !== undefined) {
    ctx.onServerDisconnect();
    res.destroy();
    return;
  }
  const { answer } = plan;
  const parts =
    answer.kind === 'text'
      ? [{ text: answer.text }]
      : answer.calls.map((call) => ({ functionCall: { name: call.name, args: safeJson(call.arguments) } }));
  res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(response(ctx, parts, { plan })));
}
