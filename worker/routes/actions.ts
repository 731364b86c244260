import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ActionRequest } from '../../shared/actions';
import { isKnownTask, taskFor } from '../assistants/catalog';
import { runAssistant } from '../assistants/run';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { keepingQuestion, startTurn } from '../conversations/record-turn';
import { ApiError, notFound } from '../http/api-error';
import { jsonBody } from '../middleware/validate';

/** An unknown action is a 404 before the body is even looked at. */
const knownAction = createMiddleware<AppEnv>(async function knownActionId(c, next) {
  const id = c.req.param('id') ?? '';
  if (!(await isKnownTask(c.env.DB, id))) throw notFound(`There is no quick action "${id.slice(0, 100)}".`);
  await next();
});

/**
 * `POST /v1/actions/:id`: a quick action — a task of an assistant — streamed like a chat answer through the same
 * runAssistant (same auth, validation, limits, errors). The task decides what of the page the model sees and
 * whether knowledge grounds it; the assistant adds its instructions, knowledge scope and model. The turn is stored in
 * the conversation of the record like a question and its answer, so reopening the record shows the summary or draft.
 */
export const actionRoutes = new Hono<AppEnv>().post('/:id', knownAction, ...jsonBody(ActionRequest), async (c) => {
  const body = c.req.valid('json');
  const identity = c.get('identity');
  const { assistant, action } = await taskFor(c.env.DB, identity, c.req.param('id'), body.assistantId);

  if (action.needsSelection && !body.page.selection) {
    throw new ApiError({
      status: 400,
      code: 'invalid_request',
      title: 'No selection',
      detail: `"${action.label}" needs selected text: select some text on the page and try again.`,
      issues: [{ path: 'page.selection', message: 'Required for this action.' }],
    });
  }

  // Without messages (an API call), the action's own request stands for the person's words, as the panel shows it.
  const messages = body.messages ?? [
    { id: crypto.randomUUID(), role: 'user' as const, parts: [{ type: 'text' as const, text: action.request }] },
  ];
  const turn = await startTurn(c, { ...body, messages });
  const { response, ...use } = await keepingQuestion(turn, () =>
    runAssistant({
      env: c.env,
      config: readConfig(c.env),
      identity,
      request: c.req.raw,
      assistant,
      turn: { kind: 'task', action, page: body.page, options: body.options, messages: body.messages },
    }),
  );
  c.set('assistant', use);
  return turn.record(response, { assistant: use.assistantId });
});
