/**
 * The conversation tables in D1 (migrations/0006_conversations.sql): every SQL statement about conversations and
 * messages lives here. Each read or write of one conversation names its owner in the WHERE clause, so another
 * person's conversation is never read, changed or even confirmed to exist.
 */
import type {
  ConversationDetail,
  ConversationListQuery,
  ConversationSummary,
  MessageStatus,
  StoredMessage,
} from '../../shared/conversations';
import { HandoffEvent } from '../../shared/handoff';
import { CitedSource } from '../../shared/knowledge';

interface ConversationRow {
  id: string;
  title: string;
  recordKey: string | null;
  recordTitle: string | null;
  assistant: string | null;
  createdAt: string;
  updatedAt: string;
}

interface MessageRow {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  sources: string;
  handoffs: string;
  assistant: string | null;
  model: string | null;
  status: MessageStatus;
  createdAt: string;
}

const CONVERSATION_COLUMNS = `id, title, record_key AS recordKey, record_title AS recordTitle, assistant,
  created_at AS createdAt, updated_at AS updatedAt`;

/** Message columns read through a join with `conversations c` (whose owner every read names). */
const MESSAGE_COLUMNS = `m.id AS id, m.role AS role, m.text AS text, m.sources AS sources, m.handoffs AS handoffs,
  m.assistant AS assistant,
  m.model AS model, m.status AS status, m.created_at AS createdAt`;

/** Sources are re-checked on the way out: a row is data, and only well-formed citations reach the panel. */
function sourcesOf(json: string): StoredMessage['sources'] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((source) => {
      const checked = CitedSource.safeParse(source);
      return checked.success ? [checked.data] : [];
    });
  } catch {
    return [];
  }
}

/** Hand-off notes are re-checked the same way (their reason is model-written text). */
function handoffsOf(json: string): StoredMessage['handoffs'] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((event) => {
      const checked = HandoffEvent.safeParse(event);
      return checked.success ? [checked.data] : [];
    });
  } catch {
    return [];
  }
}

function toMessage(row: MessageRow): StoredMessage {
  return { ...row, sources: sourcesOf(row.sources), handoffs: handoffsOf(row.handoffs) };
}

/** `%`, `_` and the escape itself match literally in a LIKE pattern built from what a person typed. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export interface NewConversation {
  id: string;
  owner: string;
  title: string;
  recordKey: string | null;
  recordTitle: string | null;
  assistant: string | null;
  at: string;
}

export function createConversation(db: D1Database, conversation: NewConversation): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO conversations (id, owner, record_key, record_title, title, assistant, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      conversation.id,
      conversation.owner,
      conversation.recordKey,
      conversation.recordTitle,
      conversation.title,
      conversation.assistant,
      conversation.at,
      conversation.at,
    );
}

export async function findConversation(
  db: D1Database,
  owner: string,
  id: string,
): Promise<ConversationSummary | undefined> {
  const row = await db
    .prepare(`SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE id = ? AND owner = ?`)
    .bind(id, owner)
    .first<ConversationRow>();
  return row ?? undefined;
}

export async function getConversation(
  db: D1Database,
  owner: string,
  id: string,
): Promise<ConversationDetail | undefined> {
  // The owner check sits in the messages' query too (through the join), not only in the first read.
  const [conversation, messages] = await db.batch([
    db.prepare(`SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE id = ? AND owner = ?`).bind(id, owner),
    db
      .prepare(
        `SELECT ${MESSAGE_COLUMNS} FROM messages m JOIN conversations c ON c.id = m.conversation_id
         WHERE m.conversation_id = ? AND c.owner = ? ORDER BY m.seq`,
      )
      .bind(id, owner),
  ]);
  const row = conversation?.results[0] as ConversationRow | undefined;
  if (!row) return undefined;
  return { ...row, messages: ((messages?.results ?? []) as MessageRow[]).map(toMessage) };
}

export async function listConversations(
  db: D1Database,
  owner: string,
  query: ConversationListQuery,
): Promise<ConversationSummary[]> {
  const conditions = ['owner = ?'];
  const values: unknown[] = [owner];
  if (query.record !== undefined) {
    conditions.push('record_key = ?');
    values.push(query.record);
  }
  if (query.before !== undefined) {
    conditions.push('updated_at < ?');
    values.push(query.before);
  }
  if (query.q !== undefined) {
    const pattern = likePattern(query.q);
    conditions.push(
      `(title LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id AND m.text LIKE ? ESCAPE '\\'))`,
    );
    values.push(pattern, pattern);
  }
  const { results } = await db
    .prepare(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE ${conditions.join(' AND ')}
       ORDER BY updated_at DESC, id DESC LIMIT ?`,
    )
    .bind(...values, query.limit)
    .all<ConversationRow>();
  return results;
}

/** Renames the caller's conversation; undefined when they have none with this id. */
export async function renameConversation(
  db: D1Database,
  owner: string,
  id: string,
  title: string,
  at: string,
): Promise<ConversationSummary | undefined> {
  const row = await db
    .prepare(
      `UPDATE conversations SET title = ?, updated_at = ? WHERE id = ? AND owner = ? RETURNING ${CONVERSATION_COLUMNS}`,
    )
    .bind(title, at, id, owner)
    .first<ConversationRow>();
  return row ?? undefined;
}

/** Deletes the caller's conversation and its messages in one transaction; false when they have none with this id. */
export async function deleteConversation(db: D1Database, owner: string, id: string): Promise<boolean> {
  const [, conversation] = await db.batch([
    db
      .prepare(
        'DELETE FROM messages WHERE conversation_id IN (SELECT id FROM conversations WHERE id = ? AND owner = ?)',
      )
      .bind(id, owner),
    db.prepare('DELETE FROM conversations WHERE id = ? AND owner = ?').bind(id, owner),
  ]);
  return (conversation?.meta.changes ?? 0) > 0;
}

export interface MessageWrite {
  conversationId: string;
  id: string;
  role: 'user' | 'assistant';
  text: string;
  sources: StoredMessage['sources'];
  /** Answers only; a question has none. */
  handoffs?: StoredMessage['handoffs'];
  assistant: string | null;
  model: string | null;
  status: MessageStatus;
  at: string;
}

/**
 * Writes a message, or updates it when it was written before (an answer saved while streaming, a question sent
 * again): the text, sources and status change, its place and creation time do not. The conversation's
 * `updated_at` moves with it, in the same transaction.
 */
export function saveMessage(db: D1Database, owner: string, message: MessageWrite): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO messages (conversation_id, id, role, text, sources, handoffs, assistant, model, status, created_at)
         SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM conversations WHERE id = ? AND owner = ?)
         ON CONFLICT (conversation_id, id) DO UPDATE SET
           text = excluded.text, sources = excluded.sources, handoffs = excluded.handoffs, assistant = excluded.assistant,
           model = excluded.model, status = excluded.status
         WHERE messages.role = excluded.role`,
      )
      .bind(
        message.conversationId,
        message.id,
        message.role,
        message.text,
        JSON.stringify(message.sources),
        JSON.stringify(message.handoffs ?? []),
        message.assistant,
        message.model,
        message.status,
        message.at,
        message.conversationId,
        owner,
      ),
    db
      .prepare('UPDATE conversations SET updated_at = ? WHERE id = ? AND owner = ? AND updated_at < ?')
      .bind(message.at, message.conversationId, owner, message.at),
  ];
}

/**
 * A regenerated answer replaces the answers after the question it answers: they are deleted before the new one
 * streams, so the stored conversation reads as the panel shows it.
 */
export function deleteAnswersAfter(
  db: D1Database,
  owner: string,
  conversationId: string,
  questionId: string,
): D1PreparedStatement {
  return db
    .prepare(
      `DELETE FROM messages WHERE conversation_id = ? AND role = 'assistant'
         AND seq > (SELECT seq FROM messages WHERE conversation_id = ? AND id = ?)
         AND EXISTS (SELECT 1 FROM conversations WHERE id = ? AND owner = ?)`,
    )
    .bind(conversationId, conversationId, questionId, conversationId, owner);
}

/** Everything a person stored, for export: their conversations with their messages, oldest message first. */
export async function exportConversations(db: D1Database, owner: string): Promise<ConversationDetail[]> {
  const [conversations, messages] = await db.batch([
    db.prepare(`SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE owner = ? ORDER BY created_at, id`).bind(owner),
    db
      .prepare(
        `SELECT m.conversation_id AS conversationId, ${MESSAGE_COLUMNS} FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.owner = ? ORDER BY m.seq`,
      )
      .bind(owner),
  ]);
  const byConversation = new Map<string, StoredMessage[]>();
  for (const row of (messages?.results ?? []) as (MessageRow & { conversationId: string })[]) {
    const { conversationId, ...message } = row;
    const list = byConversation.get(conversationId) ?? [];
    list.push(toMessage(message));
    byConversation.set(conversationId, list);
  }
  return ((conversations?.results ?? []) as ConversationRow[]).map((row) => ({
    ...row,
    messages: byConversation.get(row.id) ?? [],
  }));
}

/** Erases every conversation and message of a person; the counts of what went. */
export async function eraseConversations(
  db: D1Database,
  owner: string,
): Promise<{ conversations: number; messages: number }> {
  const [messages, conversations] = await db.batch([
    db
      .prepare('DELETE FROM messages WHERE conversation_id IN (SELECT id FROM conversations WHERE owner = ?)')
      .bind(owner),
    db.prepare('DELETE FROM conversations WHERE owner = ?').bind(owner),
  ]);
  return { conversations: conversations?.meta.changes ?? 0, messages: messages?.meta.changes ?? 0 };
}

/** Rows deleted per statement by retention: short write transactions, however much has expired. */
const EXPIRY_BATCH = 1_000;

async function deleteInBatches(statement: D1PreparedStatement): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await statement.run();
    total += result.meta.changes;
    if (result.meta.changes < EXPIRY_BATCH) return total;
  }
}

/**
 * Retention: messages written before `cutoff`, and conversations untouched since, go (with all their messages). A
 * conversation still in use keeps its recent messages; its older ones go all the same.
 */
export async function expireConversations(
  db: D1Database,
  cutoff: string,
): Promise<{ conversations: number; messages: number }> {
  const oldMessages = await deleteInBatches(
    db
      .prepare(`DELETE FROM messages WHERE seq IN (SELECT seq FROM messages WHERE created_at < ? LIMIT ?)`)
      .bind(cutoff, EXPIRY_BATCH),
  );
  let conversations = 0;
  let messages = oldMessages;
  for (;;) {
    const { results } = await db
      .prepare('SELECT id FROM conversations WHERE updated_at < ? LIMIT ?')
      .bind(cutoff, EXPIRY_BATCH)
      .all<{ id: string }>();
    if (results.length === 0) break;
    const ids = JSON.stringify(results.map((row) => row.id));
    const [removedMessages, removed] = await db.batch([
      db.prepare('DELETE FROM messages WHERE conversation_id IN (SELECT value FROM json_each(?))').bind(ids),
      db.prepare('DELETE FROM conversations WHERE id IN (SELECT value FROM json_each(?))').bind(ids),
    ]);
    messages += removedMessages?.meta.changes ?? 0;
    conversations += removed?.meta.changes ?? 0;
    if (results.length < EXPIRY_BATCH) break;
  }
  return { conversations, messages };
}
