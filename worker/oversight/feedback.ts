import type { FeedbackRequest, FeedbackSource } from '../../shared/oversight';
import type { Config } from '../config';
import type { Identity } from '../context';
import { Redactor } from '../redaction/redact';
import { type FeedbackRow, upsertFeedback } from './feedback-store';
import { storablePayload } from './payload';
import { groupsOf, personOf } from './person';
import { usageOfMessage } from './usage-store';

const ACTION_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Only links a console may show: http(s) URLs; anything else (javascript:, data:) is dropped. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The sources kept with a rating. Company-knowledge sources name documents of the knowledge base, not anything
 * the person read or wrote, so they are kept under either policy; the page's own source (its title and address)
 * is page data, kept only under PAYLOAD_LOGGING=full.
 */
function storableSources(config: Config, sources: readonly FeedbackSource[]): Omit<FeedbackSource, 'kind'>[] {
  return sources
    .filter((source) => source.kind === 'knowledge' || config.oversight.payloadLogging === 'full')
    .map(({ kind: _kind, url, ...rest }) => {
      const safe = safeUrl(url);
      return { ...rest, ...(safe ? { url: safe } : {}) };
    });
}

/**
 * Records a thumbs up or down. What answered (assistant, action, model, conversation) comes from the worker's own
 * usage event for that message when there is one; the panel's word is used only for what the worker did not see.
 */
export async function recordFeedback(options: {
  db: D1Database;
  config: Config;
  identity: Identity;
  body: FeedbackRequest & { kind: 'answer' | 'draft' };
}): Promise<{ id: string; row: FeedbackRow }> {
  const { db, config, identity, body } = options;
  const person = await personOf(identity, config);
  const answered = await usageOfMessage(db, body.messageId, person);
  const comment = body.comment?.trim()
    ? config.redaction.mode === 'pii'
      ? new Redactor(config.redaction.detectors).redact(body.comment.trim())
      : body.comment.trim()
    : null;
  const row: FeedbackRow = {
    at: new Date().toISOString(),
    person,
    groups: groupsOf(identity),
    messageId: body.messageId,
    conversationId: answered?.conversationId ?? body.conversationId ?? null,
    kind: body.kind,
    assistant: answered?.assistant ?? null,
    action: answered?.action ?? (body.action && ACTION_ID.test(body.action) ? body.action : null),
    model: answered?.model ?? null,
    rating: body.rating,
    reason: body.rating === 'down' ? (body.reason ?? null) : null,
    comment,
    answerExcerpt: storablePayload(config, body.excerpt, 4_000),
    sources: storableSources(config, body.sources ?? []),
  };
  return { id: await upsertFeedback(db, row), row };
}
