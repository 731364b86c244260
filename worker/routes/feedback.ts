import { Hono } from 'hono';
import { FeedbackRequest, type FeedbackResponse } from '../../shared/oversight';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { jsonBody } from '../middleware/validate';
import { recordFeedback } from '../oversight/feedback';

/** `POST /v1/feedback`: a thumbs up or down on an answer or a draft, with an optional reason and comment. */
export const feedbackRoutes = new Hono<AppEnv>().post('/', ...jsonBody(FeedbackRequest), async (c) => {
  const body = c.req.valid('json');
  const { id, row } = await recordFeedback({
    db: c.env.DB,
    config: readConfig(c.env),
    identity: c.get('identity'),
    body,
  });
  const response: FeedbackResponse = { id, messageId: row.messageId, rating: row.rating, reason: row.reason };
  return c.json(response);
});
