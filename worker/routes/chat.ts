import { Hono } from 'hono';
import { ChatRequest } from '../../shared/chat';
import { assistantFor } from '../assistants/catalog';
import { runAssistant } from '../assistants/run';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { keepingQuestion, startTurn } from '../conversations/record-turn';
import { jsonBody } from '../middleware/validate';

/** `POST /v1/chat`: a question to an assistant (`assistantId`, General by default), through runAssistant. */
export const chatRoutes = new Hono<AppEnv>().post('/', ...jsonBody(ChatRequest), async (c) => {
  const body = c.req.valid('json');
  const identity = c.get('identity');
  const turn = await startTurn(c, body);
  // One rule whatever the page: the assistant named, else General. The panel always names its picker's choice
  // (which suggests Sales on a CRM record but never switches silently), so the server does not guess from the page.
  const { response, ...use } = await keepingQuestion(turn, async () =>
    runAssistant({
      env: c.env,
      config: readConfig(c.env),
      identity,
      request: c.req.raw,
      assistant: await assistantFor(c.env.DB, identity, body.assistantId),
      turn: { kind: 'chat', messages: body.messages, page: body.page, conversationId: body.id ?? '' },
    }),
  );
  c.set('assistant', use);
  return turn.record(response, { assistant: use.assistantId });
});
