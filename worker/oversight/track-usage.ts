import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { CHAT_ACTION } from '../../shared/oversight';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { answerWasObserved, observeAnswer } from '../http/answer-observers';
import { toApiError } from '../http/problem';
import { afterResponse } from './defer';
import { answerOutcome, type StreamOutcome } from './observe-stream';
import { storablePayload } from './payload';
import { groupsOf, personOf } from './person';
import { countCitations, requestFacts } from './request-facts';
import { insertUsageEvent } from './usage-store';
import { UsageTracker, withUsageTracker } from './usage-tracker';

const MAX_STORED_CHARS = 20_000;
/** How long the event waits for the model's token counts after the stream ended (an aborted call never reports). */
const USAGE_WAIT_MS = 5_000;
const ACTION_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** `chat` for /v1/chat; the quick action id for /v1/actions/:id (anything else is not an action name to keep). */
function actionOf(path: string): string {
  const id = /^\/v1\/actions\/([^/]+)/.exec(path)?.[1];
  if (id === undefined) return CHAT_ACTION;
  return ACTION_ID.test(id) ? id : 'unknown';
}

async function bodyOf(c: Context<AppEnv>): Promise<unknown> {
  // Only a body the route already read (Hono keeps it): reading an unread one here would cost time for nothing.
  if (Object.keys(c.req.bodyCache).length === 0) return undefined;
  return c.req.json().catch(() => undefined);
}

/**
 * One usage event per chat or action request from a signed-in person, refused ones included (rate limit,
 * quota, invalid body, no model). Mounted after sign-in and before the limits. A streamed answer is observed as
 * it passes and the event is written after the stream ends, with `waitUntil`: it never delays the answer.
 */
export function trackUsage() {
  return createMiddleware<AppEnv>(async function recordUsage(c, next) {
    const identity = c.get('identity');
    const tracker = new UsageTracker(actionOf(c.req.path));
    // A streamed answer's parts are seen as they pass (answer-observers.ts); a refusal streams nothing.
    const { observer, outcome: streamed } = answerOutcome(tracker.startedAt);
    observeAnswer(observer);
    await withUsageTracker(tracker, next);

    const response = c.res;
    const isStream = response.body && response.headers.get('Content-Type')?.startsWith('text/event-stream');
    const outcome: Promise<StreamOutcome | undefined> =
      isStream && answerWasObserved() ? streamed : Promise.resolve(undefined);
    const refusedWith = c.error ? toApiError(c.error).code : undefined;
    const status = c.res.status;
    const at = new Date(tracker.startedAt).toISOString();

    afterResponse(c, 'usage_event', async () => {
      const streamOutcome = await outcome;
      const totalMs = Date.now() - tracker.startedAt;
      await tracker.settled(USAGE_WAIT_MS);
      const config = readConfig(c.env);
      const facts = requestFacts(await bodyOf(c));
      const answer = streamOutcome?.text ?? '';
      await insertUsageEvent(c.env.DB, {
        id: crypto.randomUUID(),
        at,
        person: await personOf(identity, config),
        groups: groupsOf(identity),
        assistant: tracker.assistant ?? null,
        action: tracker.action,
        model: tracker.model ?? null,
        messageId: streamOutcome?.messageId ?? null,
        conversationId: facts.conversationId,
        tokensIn: tracker.tokensIn,
        tokensOut: tracker.tokensOut,
        ttftMs: streamOutcome?.ttftMs ?? null,
        totalMs,
        retrievalHits: tracker.retrievalHits,
        bestScore: tracker.bestScore ?? null,
        citations: countCitations(answer),
        errorCode: refusedWith ?? streamOutcome?.errorCode ?? null,
        status,
        pageSite: facts.pageSite,
        question: storablePayload(config, facts.question, MAX_STORED_CHARS),
        answer: storablePayload(config, answer, MAX_STORED_CHARS),
      });
    });
  });
}
