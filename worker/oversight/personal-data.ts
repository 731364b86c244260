import { readConfig } from '../config';
import type { DataSubject, PersonalDataStore } from '../personal-data/types';
import { pseudonymOf } from './pseudonym';

/** Usage and feedback rows name a person by pseudonym only: the caller's is derived from their subject. */
function personOf({ env, subject }: DataSubject): Promise<string> {
  return pseudonymOf(subject, readConfig(env).oversight.pseudonymKey);
}

/**
 * Usage events and feedback, as one person's data: exported and erased by their pseudonym. Retention clears the
 * text PAYLOAD_LOGGING=full kept (questions, answers, excerpts) once it is older than RETENTION_DAYS; the counts
 * stay for the dashboards, which never held text.
 */
export const oversightData: PersonalDataStore = {
  name: 'usage',
  async export(subject) {
    const person = await personOf(subject);
    const [usage, feedback] = await subject.env.DB.batch([
      subject.env.DB.prepare(
        `SELECT id, at, assistant, action, model, message_id AS messageId, conversation_id AS conversationId,
           tokens_in AS tokensIn, tokens_out AS tokensOut, error_code AS errorCode, page_site AS pageSite,
           question, answer
         FROM usage_events WHERE person = ? ORDER BY at`,
      ).bind(person),
      subject.env.DB.prepare(
        `SELECT id, at, message_id AS messageId, conversation_id AS conversationId, kind, rating, reason, comment,
           answer_excerpt AS answerExcerpt
         FROM feedback WHERE person = ? ORDER BY at`,
      ).bind(person),
    ]);
    return { events: usage?.results ?? [], feedback: feedback?.results ?? [] };
  },
  async erase(subject) {
    const person = await personOf(subject);
    const db = subject.env.DB;
    const [, usage, feedback] = await db.batch([
      db
        .prepare('DELETE FROM usage_event_groups WHERE event_id IN (SELECT id FROM usage_events WHERE person = ?)')
        .bind(person),
      // Counted from RETURNING: the console's roll-up triggers make D1's `changes` count their rows too.
      db.prepare('DELETE FROM usage_events WHERE person = ? RETURNING id').bind(person),
      db.prepare('DELETE FROM feedback WHERE person = ? RETURNING id').bind(person),
    ]);
    return { events: usage?.results.length ?? 0, feedback: feedback?.results.length ?? 0 };
  },
  async expire({ env, cutoff }) {
    const before = cutoff.toISOString();
    const [usage, feedback] = await env.DB.batch([
      env.DB.prepare(
        `UPDATE usage_events SET question = NULL, answer = NULL
         WHERE at < ? AND (question IS NOT NULL OR answer IS NOT NULL) RETURNING id`,
      ).bind(before),
      env.DB.prepare(
        'UPDATE feedback SET answer_excerpt = NULL WHERE at < ? AND answer_excerpt IS NOT NULL RETURNING id',
      ).bind(before),
    ]);
    return { payloadsCleared: usage?.results.length ?? 0, excerptsCleared: feedback?.results.length ?? 0 };
  },
};
