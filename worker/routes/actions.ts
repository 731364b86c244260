import type { ModelMessage, UIMessageChunk } from 'ai';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ActionRequest } from '../../shared/actions';
import type { ChatMessage } from '../../shared/chat';
import { groundAction } from '../actions/grounding';
import { actionInstructions } from '../actions/prompt';
import { findWorkerAction } from '../actions/registry';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { ApiError, notFound } from '../http/api-error';
import { conversationFrom, historyNoticeChunks } from '../http/ui-messages';
import { jsonBody } from '../middleware/validate';
import { streamAnswer } from '../models/stream-answer';
import { withHistoryNote } from '../prompt/history-budget';

/** An unknown action is a 404 before the body is even looked at. */
const knownAction = createMiddleware<AppEnv>(async function knownActionId(c, next) {
  const id = c.req.param('id') ?? '';
  if (!findWorkerAction(id)) throw notFound(`There is no quick action "${id.slice(0, 100)}".`);
  await next();
});

async function conversationOf(messages: ChatMessage[] | undefined, defaultRequest: string, historyTokenBudget: number) {
  if (!messages) {
    const request: ModelMessage = { role: 'user', content: defaultRequest };
    return { messages: [request], originalMessages: undefined, history: { omitted: 0, total: 1, shortened: 0 } };
  }
  const conversation = await conversationFrom(messages, historyTokenBudget);
  return { messages: conversation.model, originalMessages: conversation.ui, history: conversation.history };
}

/**
 * `POST /v1/actions/:id`: a quick action, streamed like a chat answer (same auth, validation, limits, errors;
 * the same streamAnswer). The action decides what of the page the model sees and whether knowledge grounds it.
 */
export const actionRoutes = new Hono<AppEnv>().post('/:id', knownAction, ...jsonBody(ActionRequest), async (c) => {
  const action = findWorkerAction(c.req.param('id'))!;
  const body = c.req.valid('json');
  const config = readConfig(c.env);

  if (action.needsSelection && !body.page.selection) {
    throw new ApiError({
      status: 400,
      code: 'invalid_request',
      title: 'No selection',
      detail: `"${action.label}" needs selected text: select some text on the page and try again.`,
      issues: [{ path: 'page.selection', message: 'Required for this action.' }],
    });
  }

  const conversation = await conversationOf(body.messages, action.defaultRequest, config.historyTokenBudget);
  const grounding = action.knowledgeQuery
    ? await groundAction({
        env: c.env,
        config,
        identity: c.get('identity'),
        query: action.knowledgeQuery(body.page),
        customerFacing: action.customerFacing === true,
      })
    : { block: '', sources: [] };

  return streamAnswer({
    config,
    request: c.req.raw,
    instructions: withHistoryNote(
      actionInstructions({
        action,
        page: body.page,
        options: body.options,
        knowledge: grounding.block,
        today: new Date().toISOString().slice(0, 10),
        pageTokenBudget: config.pageTokenBudget,
      }),
      conversation.history,
    ),
    messages: conversation.messages,
    ...(conversation.originalMessages ? { originalMessages: conversation.originalMessages } : {}),
    prelude: [...historyNoticeChunks(conversation.history), ...grounding.sources] satisfies UIMessageChunk[],
  });
});
