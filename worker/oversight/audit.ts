import type { Context } from 'hono';
import type { AuditAction, AuditEntry, AuditPage, AuditQuery } from '../../shared/oversight';
import type { AppEnv, Identity } from '../context';
import type { Env } from '../env';
import { isAdminApiKey } from '../middleware/admin';

export interface AuditInput {
  /** Who did it: see `actorOf`. */
  actor: string;
  action: AuditAction;
  /** What it was done to: a document id, an assistant id, a tool name… */
  target?: string | undefined;
  /** Facts particular to the action (space, chunks, approver, settings…): never secrets, never page text. */
  details?: Record<string, unknown>;
  requestId?: string | undefined;
}

const MAX_DETAILS_CHARS = 16_000;

/**
 * Appends one entry to the audit log. The table refuses UPDATE and DELETE (migrations/0002_oversight.sql), and no
 * route changes it: an entry, once written, stays. Awaited by callers whose action must not go unrecorded.
 */
export async function audit(env: Pick<Env, 'DB'>, entry: AuditInput): Promise<void> {
  let details = JSON.stringify(entry.details ?? {});
  if (details.length > MAX_DETAILS_CHARS) details = JSON.stringify({ truncated: true, size: details.length });
  await env.DB.prepare(
    'INSERT INTO audit_log (at, actor, action, target, details, request_id) VALUES (?, ?, ?, ?, ?, ?)',
  )
    .bind(
      new Date().toISOString(),
      entry.actor.slice(0, 320),
      entry.action,
      entry.target?.slice(0, 1_000) ?? null,
      details,
      entry.requestId ?? null,
    )
    .run();
}

/**
 * How an identity is named in the audit log. An audit names people (unlike usage, which is pseudonymous): the
 * email when the token carries one, else the subject; the shared keys by what they are.
 */
export function actorOf(identity: Identity | undefined): string {
  if (!identity) return 'anonymous';
  if (identity.isDevToken) return 'dev-token';
  if (isAdminApiKey(identity)) return 'api-key';
  return identity.email ?? identity.subject;
}

/** `audit` for the person making this request, with its request id. */
export function auditRequest(
  c: Context<AppEnv>,
  action: AuditAction,
  target?: string,
  details?: Record<string, unknown>,
): Promise<void> {
  return audit(c.env, { actor: actorOf(c.get('identity')), action, target, details, requestId: c.get('requestId') });
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: AuditEntry['action'];
  target: string | null;
  details: string;
  request_id: string | null;
}

/** A date alone means its whole UTC day: `from` its start, `to` the start of the next day. */
function instant(value: string, end: boolean): string {
  if (value.length > 10) return new Date(value).toISOString();
  if (!end) return `${value}T00:00:00.000Z`;
  const next = new Date(`${value}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

/** Newest first, filtered by actor, action and time, a page at a time (`before` = the previous page's `next`). */
export async function listAudit(db: D1Database, query: AuditQuery): Promise<AuditPage> {
  const where: string[] = [];
  const values: unknown[] = [];
  const filter = (clause: string, value: unknown) => {
    where.push(clause);
    values.push(value);
  };
  if (query.actor) filter('actor = ?', query.actor);
  if (query.action) filter('action = ?', query.action);
  if (query.from) filter('at >= ?', instant(query.from, false));
  if (query.to) filter('at < ?', instant(query.to, true));
  if (query.before) filter('id < ?', query.before);
  const { results } = await db
    .prepare(
      `SELECT id, at, actor, action, target, details, request_id FROM audit_log
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    )
    .bind(...values, query.limit + 1)
    .all<AuditRow>();
  const page = results.slice(0, query.limit);
  return {
    entries: page.map((row) => ({
      id: row.id,
      at: row.at,
      actor: row.actor,
      action: row.action,
      target: row.target,
      details: parseDetails(row.details),
      requestId: row.request_id,
    })),
    next: results.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}
