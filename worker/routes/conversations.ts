import { Hono } from 'hono';
import {
  ConversationId,
  type ConversationList,
  ConversationListQuery,
  ConversationPatch,
} from '../../shared/conversations';
import type { AppEnv } from '../context';
import { deleteConversation, getConversation, listConversations, renameConversation } from '../conversations/store';
import { ApiError, notFound } from '../http/api-error';
import { jsonBody, queryParams } from '../middleware/validate';

const NOT_FOUND = 'No conversation of yours has this id.';

/** The `:id` of the path, checked before any query: a malformed id is a 400, not a lookup. */
function conversationId(raw: string): string {
  const parsed = ConversationId.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ApiError({
    status: 400,
    code: 'invalid_request',
    title: 'Invalid conversation id',
    detail: 'A conversation id is a UUID the server gave.',
    issues: [{ path: 'id', message: parsed.error.issues[0]?.message ?? 'Invalid id.' }],
  });
}

/**
 * `/v1/conversations`: the caller's own conversations. Every query names the caller as owner, so another
 * person's conversation answers exactly as one that does not exist: 404 not_found.
 */
export const conversationRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    await next();
    c.header('Cache-Control', 'private, no-store');
  })
  .get('/', queryParams(ConversationListQuery), async (c) => {
    const conversations = await listConversations(c.env.DB, c.get('identity').subject, c.req.valid('query'));
    return c.json({ conversations } satisfies ConversationList);
  })
  .get('/:id', async (c) => {
    const conversation = await getConversation(c.env.DB, c.get('identity').subject, conversationId(c.req.param('id')));
    if (!conversation) throw notFound(NOT_FOUND);
    return c.json(conversation);
  })
  .patch('/:id', ...jsonBody(ConversationPatch), async (c) => {
    const id = conversationId(c.req.param('id'));
    const { title } = c.req.valid('json');
    const renamed = await renameConversation(c.env.DB, c.get('identity').subject, id, title, new Date().toISOString());
    if (!renamed) throw notFound(NOT_FOUND);
    return c.json(renamed);
  })
  .delete('/:id', async (c) => {
    const deleted = await deleteConversation(c.env.DB, c.get('identity').subject, conversationId(c.req.param('id')));
    if (!deleted) throw notFound(NOT_FOUND);
    return c.body(null, 204);
  });
