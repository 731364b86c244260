import { convertToModelMessages, safeValidateUIMessages, streamText, toUIMessageStream, type UIMessage } from 'ai';
import { Hono } from 'hono';
import { ChatRequest } from '../../shared/chat';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { ApiError } from '../http/api-error';
import { guardUIStream } from '../http/guard-stream';
import { errorStreamResponse, uiStreamResponse } from '../http/ui-stream';
import { jsonBody } from '../middleware/validate';
import { describeModelError, streamErrorText } from '../models/errors';
import { modelsFor } from '../models/provider';
import { chatInstructions } from '../prompt/instructions';

export const NO_MODEL_MESSAGE =
  'No AI model is configured on this Beside server. An administrator must set OPENAI_API_KEY (OpenAI) or ' +
  'OPENAI_BASE_URL (any OpenAI-compatible server), and optionally CHAT_MODEL — in .dev.vars for `npm run dev`, ' +
  'or with `wrangler secret put` on Cloudflare.';

export const chatRoutes = new Hono<AppEnv>().post('/', ...jsonBody(ChatRequest), async (c) => {
  const body = c.req.valid('json');
  const config = readConfig(c.env);

  const validated = await safeValidateUIMessages<UIMessage>({ messages: body.messages });
  if (!validated.success) {
    throw new ApiError({
      status: 400,
      code: 'invalid_request',
      title: 'Invalid messages',
      detail: validated.error.message.slice(0, 500),
    });
  }

  const models = modelsFor(config);
  if (!models) return errorStreamResponse('model_not_configured', NO_MODEL_MESSAGE);

  // Stop, a closed panel or a timeout must cancel the upstream call too, not leave it running unbilled-for.
  const upstream = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    upstream.abort(new DOMException('The model call timed out', 'TimeoutError'));
  }, config.model.timeoutMs);
  const signal = AbortSignal.any([c.req.raw.signal, upstream.signal]);
  const result = streamText({
    model: models.chat,
    instructions: chatInstructions({
      page: body.page,
      pageTokenBudget: config.pageTokenBudget,
      today: new Date().toISOString().slice(0, 10),
    }),
    messages: await convertToModelMessages(validated.data),
    abortSignal: signal,
    maxRetries: 1,
    // The SDK's default logs the whole error, request body (page text) included; log only what went wrong.
    onError: ({ error }) =>
      console.warn(JSON.stringify({ event: 'model_error', ...describeModelError(error, signal) })),
  });

  const describe = (error: unknown) => streamErrorText(error, signal);
  const stream = toUIMessageStream({
    stream: result.stream,
    originalMessages: validated.data,
    onError: describe,
    onEnd: () => clearTimeout(timer),
  });
  return uiStreamResponse(guardUIStream(stream, { controller: upstream, timedOut: () => timedOut, describe }));
});
