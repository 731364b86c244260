import type { FeedbackRow, SeedRecord, UsageEventRow } from './generate';

/** Insert statements for seeded rows, shared by the D1 writer (tests) and the SQLite writer (dev, bench). */
export const EVENT_COLUMNS = [
  'id',
  'at',
  'day',
  'person',
  'groups',
  'assistant',
  'action',
  'model',
  'message_id',
  'conversation_id',
  'tokens_in',
  'tokens_out',
  'ttft_ms',
  'total_ms',
  'retrieval_hits',
  'best_score',
  'citations',
  'error_code',
  'status',
  'page_site',
  'question',
  'answer',
] as const satisfies readonly (keyof UsageEventRow)[];

export const FEEDBACK_COLUMNS = [
  'id',
  'at',
  'day',
  'person',
  'groups',
  'message_id',
  'conversation_id',
  'kind',
  'assistant',
  'action',
  'model',
  'rating',
  'reason',
  'comment',
  'answer_excerpt',
  'sources',
] as const satisfies readonly (keyof FeedbackRow)[];

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');

export const INSERT_EVENT = `INSERT INTO usage_events (${EVENT_COLUMNS.join(', ')}) VALUES (${placeholders(EVENT_COLUMNS.length)})`;
export const INSERT_EVENT_GROUP =
  'INSERT OR IGNORE INTO usage_event_groups (event_id, group_name, day, person) VALUES (?, ?, ?, ?)';
export const INSERT_FEEDBACK = `INSERT INTO feedback (${FEEDBACK_COLUMNS.join(', ')}) VALUES (${placeholders(FEEDBACK_COLUMNS.length)})`;

export type SqlValue = string | number | null;

/** The statements (and their values) that store one seeded record. */
export function statementsFor(record: SeedRecord): [string, SqlValue[]][] {
  const { event, feedback } = record;
  const statements: [string, SqlValue[]][] = [[INSERT_EVENT, EVENT_COLUMNS.map((column) => event[column])]];
  for (const group of JSON.parse(event.groups) as string[]) {
    statements.push([INSERT_EVENT_GROUP, [event.id, group, event.day, event.person]]);
  }
  if (feedback) statements.push([INSERT_FEEDBACK, FEEDBACK_COLUMNS.map((column) => feedback[column])]);
  return statements;
}
