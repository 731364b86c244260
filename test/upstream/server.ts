/**
 * A real HTTP server on 127.0.0.1 that speaks the OpenAI API (chat completions, streamed or not, with
 * tool calls; embeddings; models), Anthropic's Messages API (`/v1/messages`, see anthropic-wire.ts), Google's
 * Gemini API (`/v1beta/models/{model}:streamGenerateContent`, gemini-wire.ts), Mistral's chat API
 * (`/mistral/v1/chat/completions`, mistral-wire.ts) and Azure OpenAI's URL shapes (`/openai/v1/…` and
 * `/openai/deployments/{deployment}/…?api-version=…`, with its `api-key` header) with
 * scripted answers and injectable faults. Worker tests, end-to-end
 * tests and benchmarks point the real `@ai-sdk/openai` provider at it, so the wire format is exercised
 * for real. Behaviour is scripted by directives in the last user message (see directives.ts) or by
 * `failNext`. Plain `node:http`, no dependencies.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendAnthropicError, sendAnthropicMessage, sendAnthropicStream, toOpenAIShape } from './anthropic-wire';
import { planChat } from './chat-plan';
import { type ChatResponseContext, sendChatCompletion, sendChatStream } from './chat-wire';
import { contentText } from './directives';
import { approximateTokens, createEmbeddingsResponse, DEFAULT_EMBEDDING_DIMENSIONS } from './embeddings';
import { type Fault, FaultQueue } from './faults';
import {
  toOpenAIShape as geminiToOpenAIShape,
  parseGeminiPath,
  sendGeminiContent,
  sendGeminiError,
  sendGeminiStream,
} from './gemini-wire';
import {
  BodyTooLargeError,
  errorHeaders,
  openAIErrorBody,
  readBody,
  sendError,
  sendJson,
  sleep,
  untilAborted,
} from './http-util';
import { mistralRefusal, sendMistralCompletion, sendMistralError, sendMistralStream } from './mistral-wire';

export type { Fault } from './faults';

export interface RecordedRequest {
  id: number;
  method: string;
  path: string;
  /** The query string, with its `?` ('' when none): Azure's `api-version`, Gemini's `alt=sse`. */
  query: string;
  headers: Record<string, string>;
  /** Parsed JSON; the raw text when the body is not JSON; null when there is none. */
  body: unknown;
  receivedAt: number;
  /** True when the client went away before the response was complete (not when the server hung up on purpose). */
  aborted: boolean;
}

export interface Upstream {
  /** Base URL including /v1, e.g. http://127.0.0.1:43121/v1 — what `createOpenAI({ baseURL })` wants. */
  url: string;
  port: number;
  /** Every API request, in order (Authorization header value redacted to "Bearer ***"). */
  requests: RecordedRequest[];
  /** Empties the request log (in place) and drops queued faults, so each test starts clean. */
  clear(): void;
  /** Queue faults for the next N matching requests, independent of message directives (useful for embeddings). */
  failNext(fault: Fault): void;
  close(): Promise<void>;
}

export interface UpstreamOptions {
  port?: number;
  host?: string;
  embeddingDimensions?: number;
  /**
   * `demo`: a request without a directive gets an answer built from its page block and knowledge passages
   * (demo.ts) instead of the "You asked: …" echo the tests rely on. For `npm run dev -- --demo-model`.
   */
  answers?: 'echo' | 'demo';
}

export const MODEL_IDS = ['test-model', 'gpt-4o-mini', 'gpt-4.1-mini', 'text-embedding-3-small'] as const;

const REDACTED_HEADERS: Record<string, string> = {
  authorization: 'Bearer ***',
  'api-key': '***',
  'x-api-key': '***',
  'x-goog-api-key': '***',
};

function recordHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name] = REDACTED_HEADERS[name] ?? (Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function parseBody(raw: string): { body: unknown; malformed: boolean } {
  if (raw.length === 0) return { body: null, malformed: false };
  try {
    return { body: JSON.parse(raw), malformed: false };
  } catch {
    return { body: raw, malformed: true };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

function modelObject(id: string) {
  return { id, object: 'model', created: 1_700_000_000, owned_by: 'beside-test' };
}

function baseUrl(host: string, port: number): string {
  // A wildcard bind is still reached through loopback; IPv6 literals need brackets in a URL.
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}/v1`;
}

interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  query: URLSearchParams;
  signal: AbortSignal;
  record: RecordedRequest;
  body: unknown;
  malformed: boolean;
  markServerDisconnect: () => void;
}

export async function startUpstream(options: UpstreamOptions = {}): Promise<Upstream> {
  const host = options.host ?? '127.0.0.1';
  const embeddingDimensions = options.embeddingDimensions ?? DEFAULT_EMBEDDING_DIMENSIONS;
  const requests: RecordedRequest[] = [];
  const faults = new FaultQueue();
  const inFlight = new Set<AbortController>();
  let nextId = 1;
  let closing = false;

  function clear(): void {
    requests.length = 0;
    faults.clear();
  }

  /**
   * Plans the answer and plays its script the same way on every wire: the scripted delay, a hang until the client
   * gives up, or a failure in the wire's own error shape (`fail`). Returns the plan and the prompt's approximate
   * token count when the wire should answer; nothing when the exchange is already settled.
   */
  async function scripted(
    x: Exchange,
    request: Record<string, unknown>,
    fail: (status: number, message: string) => void,
    options: { demo?: boolean } = {},
  ): Promise<{ plan: ReturnType<typeof planChat>; promptTokens: number } | undefined> {
    const plan = planChat(request, x.record.id, options);
    const { script } = plan;
    await sleep(script.delayMs, x.signal);
    if (x.signal.aborted) return undefined;
    if (script.hang) return untilAborted(x.signal).then(() => undefined);
    if (script.status !== undefined) {
      fail(script.status, `Scripted failure: HTTP ${script.status}`);
      return undefined;
    }
    const messages = request.messages as unknown[];
    const promptText = messages.map((m) => (isObject(m) ? contentText(m.content) : '')).join('');
    return { plan, promptTokens: approximateTokens(promptText) };
  }

  async function handleChat(x: Exchange): Promise<void> {
    const { res, signal, body } = x;
    if (!isObject(body)) return sendError(res, 400, 'Request body must be a JSON object');
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      return sendError(res, 400, "'messages' must be a non-empty array", 'invalid_value');
    }
    const answer = await scripted(x, body, (status, message) => sendError(res, status, message), {
      demo: options.answers === 'demo',
    });
    if (!answer) return;
    const { plan, promptTokens } = answer;
    const streamOptions = body.stream_options;
    const ctx: ChatResponseContext = {
      res,
      signal,
      requestId: x.record.id,
      model: typeof body.model === 'string' ? body.model : 'test-model',
      promptTokens,
      includeUsage: isObject(streamOptions) && streamOptions.include_usage === true,
      onServerDisconnect: x.markServerDisconnect,
    };
    if (body.stream === true) await sendChatStream(ctx, plan);
    else sendChatCompletion(ctx, plan);
  }

  /** Anthropic's Messages API over the same plans: `@ai-sdk/anthropic` with `baseURL` = this server's /v1. */
  async function handleMessages(x: Exchange): Promise<void> {
    const { res, signal, body } = x;
    if (!isObject(body)) return sendAnthropicError(res, 400, 'Request body must be a JSON object');
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      return sendAnthropicError(res, 400, 'messages: at least one message is required');
    }
    if (typeof body.max_tokens !== 'number') return sendAnthropicError(res, 400, 'max_tokens: Field required');
    const request = toOpenAIShape(body);
    const answer = await scripted(x, request, (status, message) => sendAnthropicError(res, status, message));
    if (!answer) return;
    const { plan, promptTokens } = answer;
    const ctx = {
      res,
      signal,
      requestId: x.record.id,
      model: typeof body.model === 'string' ? body.model : 'claude-test',
      inputTokens: promptTokens,
      onServerDisconnect: x.markServerDisconnect,
    };
    if (body.stream === true) await sendAnthropicStream(ctx, plan);
    else sendAnthropicMessage(ctx, plan);
  }

  /** Gemini's generateContent / streamGenerateContent over the same plans (`@ai-sdk/google`, baseURL …/v1beta). */
  async function handleGemini(x: Exchange, model: string, method: string): Promise<void> {
    const { req, res, signal, body } = x;
    if (req.method !== 'POST') return sendGeminiError(res, 405, `Method ${req.method} not allowed.`);
    if (method !== 'generateContent' && method !== 'streamGenerateContent') {
      return sendGeminiError(res, 404, `Method ${method} is not found for this model.`);
    }
    if (!req.headers['x-goog-api-key']) {
      return sendGeminiError(res, 403, "Method doesn't allow unregistered callers. Please use an API key.");
    }
    if (x.malformed || !isObject(body)) return sendGeminiError(res, 400, 'Invalid JSON payload received.');
    if (!Array.isArray(body.contents) || body.contents.length === 0) {
      return sendGeminiError(res, 400, '* GenerateContentRequest.contents: contents is not specified');
    }
    const request: Record<string, unknown> = { ...geminiToOpenAIShape(body), model };
    const answer = await scripted(x, request, (status, message) => sendGeminiError(res, status, message));
    if (!answer) return;
    const { plan, promptTokens } = answer;
    const ctx = {
      res,
      signal,
      requestId: x.record.id,
      model,
      promptTokens,
      onServerDisconnect: x.markServerDisconnect,
    };
    // Without alt=sse Google streams one JSON array; @ai-sdk/google always asks for SSE, and so does this server.
    if (method === 'streamGenerateContent') {
      if (x.query.get('alt') !== 'sse') return sendGeminiError(res, 400, 'This test server streams only with alt=sse.');
      await sendGeminiStream(ctx, plan);
    } else sendGeminiContent(ctx, plan);
  }

  /** Mistral's chat completions, with what Mistral refuses that OpenAI accepts (mistral-wire.ts). */
  async function handleMistral(x: Exchange): Promise<void> {
    const { req, res, signal, body } = x;
    if (req.method !== 'POST') return sendMistralError(res, 405, `Method ${req.method} not allowed.`);
    if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) return sendMistralError(res, 401, 'Unauthorized');
    if (x.malformed || !isObject(body)) return sendMistralError(res, 400, 'Invalid JSON body', 'invalid_request_error');
    const refusal = mistralRefusal(body);
    if (refusal) return sendMistralError(res, refusal.status, refusal.message, refusal.type);
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      return sendMistralError(res, 400, 'messages: at least one message is required', 'invalid_request_error');
    }
    const answer = await scripted(x, body, (status, message) => sendMistralError(res, status, message));
    if (!answer) return;
    const { plan, promptTokens } = answer;
    const ctx = {
      res,
      signal,
      requestId: x.record.id,
      model: typeof body.model === 'string' ? body.model : 'mistral-test',
      promptTokens,
      onServerDisconnect: x.markServerDisconnect,
    };
    if (body.stream === true) await sendMistralStream(ctx, plan);
    else sendMistralCompletion(ctx, plan);
  }

  /**
   * Azure OpenAI: the OpenAI chat wire behind Azure's URLs and key header. `/openai/v1/chat/completions` (the v1
   * API) or `/openai/deployments/{deployment}/chat/completions?api-version=…` (deployment URLs, where the deployment
   * in the path picks the model). Like Azure: no `api-key` header → 401; a deployment URL without api-version → 404.
   */
  async function handleAzure(x: Exchange, deployment: string | undefined, operation: string): Promise<void> {
    const { req, res } = x;
    if (!req.headers['api-key']) {
      return sendError(res, 401, 'Access denied due to invalid subscription key or wrong API endpoint.', '401');
    }
    if (deployment !== undefined && !x.query.get('api-version'))
      return sendError(res, 404, 'Resource not found', '404');
    if (req.method !== 'POST') return sendError(res, 405, `Method ${req.method} not allowed.`);
    if (x.malformed) return sendError(res, 400, 'We could not parse the JSON body of your request.', 'invalid_json');
    if (operation === 'embeddings') return handleEmbeddings(x);
    if (operation !== 'chat/completions') return sendError(res, 404, 'Resource not found', '404');
    return handleChat(
      deployment !== undefined && isObject(x.body) ? { ...x, body: { ...x.body, model: deployment } } : x,
    );
  }

  function handleEmbeddings(x: Exchange): void {
    const result = createEmbeddingsResponse(x.body, embeddingDimensions);
    if (result.ok) sendJson(x.res, 200, result.body);
    else sendError(x.res, 400, result.message, 'invalid_value');
  }

  /** Answers the /v1 API. Returns nothing useful; every branch writes the response itself. */
  async function handleApi(x: Exchange): Promise<void> {
    const { req, res, path, signal } = x;
    const fault = faults.take(path);
    if (fault) {
      await sleep(fault.delayMs ?? 0, signal);
      if (signal.aborted) return;
      if (fault.status !== undefined || fault.body !== undefined) {
        const status = fault.status ?? 500;
        res.writeHead(status, errorHeaders(status));
        res.end(fault.body ?? openAIErrorBody(status, `Injected fault: HTTP ${status}`));
        return;
      }
    }

    const gemini = parseGeminiPath(path);
    if (gemini) return handleGemini(x, gemini.model, gemini.method);
    if (path === '/mistral/v1/chat/completions') return handleMistral(x);
    const azure = /^\/openai\/(?:v1|deployments\/([^/]+))\/(chat\/completions|embeddings)$/.exec(path);
    if (azure) return handleAzure(x, azure[1] && decodeURIComponent(azure[1]), azure[2]!);

    const route = `${req.method} ${path}`;
    if (route === 'GET /v1/models') {
      return sendJson(res, 200, { object: 'list', data: MODEL_IDS.map(modelObject) });
    }
    if (req.method === 'GET' && path.startsWith('/v1/models/')) {
      const id = decodeURIComponent(path.slice('/v1/models/'.length));
      if ((MODEL_IDS as readonly string[]).includes(id)) return sendJson(res, 200, modelObject(id));
      return sendError(res, 404, `The model '${id}' does not exist`, 'model_not_found');
    }
    if (path === '/v1/messages') {
      if (req.method !== 'POST') return sendAnthropicError(res, 405, `Method ${req.method} not allowed for ${path}`);
      if (x.malformed) return sendAnthropicError(res, 400, 'The request body is not valid JSON.');
      return handleMessages(x);
    }
    if (path === '/v1/chat/completions' || path === '/v1/embeddings') {
      if (req.method !== 'POST') return sendError(res, 405, `Method ${req.method} not allowed for ${path}`);
      if (x.malformed) {
        return sendError(res, 400, 'We could not parse the JSON body of your request.', 'invalid_json');
      }
      return path === '/v1/embeddings' ? handleEmbeddings(x) : handleChat(x);
    }
    sendError(res, 404, `Invalid URL (${route})`, 'unknown_url');
  }

  /** Out-of-process consumers (e2e, bench) read and reset the log, and queue faults, over HTTP. */
  function handleControl(req: IncomingMessage, res: ServerResponse, path: string, raw: string): boolean {
    if (path === '/__requests') {
      if (req.method === 'GET') sendJson(res, 200, requests);
      else if (req.method === 'DELETE') {
        clear();
        res.writeHead(204).end();
      } else sendError(res, 405, `Method ${req.method} not allowed for ${path}`);
      return true;
    }
    if (path === '/__fail-next' && req.method === 'POST') {
      try {
        faults.add(JSON.parse(raw) as Fault);
        res.writeHead(204).end();
      } catch (error) {
        sendError(res, 400, `Invalid fault: ${(error as Error).message}`);
      }
      return true;
    }
    return false;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const url = new URL(req.url ?? '/', 'http://upstream.invalid');
    const path = url.pathname;
    const controller = new AbortController();
    inFlight.add(controller);
    let record: RecordedRequest | undefined;
    let serverDisconnect = false;
    res.on('close', () => {
      inFlight.delete(controller);
      // Closed before we ended the response and not by us: the client gave up (or its fetch was aborted).
      if (!res.writableEnded && !serverDisconnect && !closing && record) record.aborted = true;
      controller.abort();
    });

    let raw: string;
    try {
      raw = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) sendError(res, 413, error.message);
      return;
    }
    if (handleControl(req, res, path, raw)) return;

    const { body, malformed } = parseBody(raw);
    record = {
      id: nextId++,
      method: req.method ?? 'GET',
      path,
      query: url.search,
      headers: recordHeaders(req),
      body,
      receivedAt,
      aborted: controller.signal.aborted,
    };
    requests.push(record);
    await handleApi({
      req,
      res,
      path,
      query: url.searchParams,
      signal: controller.signal,
      record,
      body,
      malformed,
      markServerDisconnect: () => {
        serverDisconnect = true;
      },
    });
  }

  const server = createServer({ noDelay: true }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, `Test upstream failed: ${(error as Error).message}`);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port ?? 0, host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: baseUrl(host, port),
    port,
    requests,
    clear,
    failNext: (fault) => faults.add(fault),
    async close() {
      if (closing) return;
      closing = true;
      // Release hanging and delayed handlers first, then cut keep-alive and in-flight connections,
      // otherwise server.close() would wait for a [[hang]] that never ends.
      for (const controller of inFlight) controller.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
