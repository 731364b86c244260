import { convertToModelMessages, safeValidateUIMessages, type UIMessage } from 'ai';
import { Hono } from 'hono';
import { ChatRequest } from '../../shared/chat';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { ApiError } from '../http/api-error';
import { jsonBody } from '../middleware/validate';
import { streamAnswer } from '../models/stream-answer';
import { chatInstructions } from '../prompt/instructions';

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

  return streamAnswer({
    config,
    request: c.req.raw,
    instructions: chatInstructions({
      page: body.page,
      pageTokenBudget: config.pageTokenBudget,
      today: new Date().toISOString().slice(0, 10),
    }),
    messages: await convertToModelMessages(validated.data),
    originalMessages: validated.data,
  });
});
