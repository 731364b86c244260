import { AssistantSpec } from '../../shared/assistants';

/** An administrator's assistant as stored: its current spec and revision. */
export interface StoredAssistant {
  spec: AssistantSpec;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface StoredVersion {
  version: number;
  createdAt: string;
  createdBy: string;
  spec: AssistantSpec;
}

interface AssistantRow {
  id: string;
  version: number;
  spec: string;
  created_at: string;
  updated_at: string;
}

/**
 * A stored spec is parsed again on the way out: a row written by an older schema version (or by hand) that no longer
 * parses is left out with a log line, never served half-understood.
 */
function parseStored(raw: string, id: string): AssistantSpec | undefined {
  try {
    const parsed = AssistantSpec.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
    console.error(JSON.stringify({ event: 'assistant_spec_unreadable', id, issues: parsed.error.issues.length }));
  } catch {
    console.error(JSON.stringify({ event: 'assistant_spec_unreadable', id }));
  }
  return undefined;
}

function toStored(row: AssistantRow): StoredAssistant | undefined {
  const spec = parseStored(row.spec, row.id);
  return spec && { spec, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** D1 access for administrator-defined assistants (migrations/0005_assistants.sql). */
export class AssistantStore {
  constructor(private readonly db: D1Database) {}

  async list(): Promise<StoredAssistant[]> {
    const { results } = await this.db
      .prepare('SELECT id, version, spec, created_at, updated_at FROM assistants ORDER BY id')
      .all<AssistantRow>();
    return results.flatMap((row) => toStored(row) ?? []);
  }

  async get(id: string): Promise<StoredAssistant | undefined> {
    const row = await this.db
      .prepare('SELECT id, version, spec, created_at, updated_at FROM assistants WHERE id = ?')
      .bind(id)
      .first<AssistantRow>();
    return row ? toStored(row) : undefined;
  }

  /**
   * Creates the assistant at the next revision of its id (1, or after the last revision of a deleted one). Undefined
   * when an assistant with this id already exists; the insert itself is the check, so two concurrent creates
   * cannot both succeed.
   */
  async create(spec: AssistantSpec, by: string, now = new Date().toISOString()): Promise<StoredAssistant | undefined> {
    const last = await this.db
      .prepare('SELECT COALESCE(MAX(version), 0) AS version FROM assistant_versions WHERE id = ?')
      .bind(spec.id)
      .first<{ version: number }>();
    const version = (last?.version ?? 0) + 1;
    const json = JSON.stringify(spec);
    try {
      await this.db.batch([
        this.db
          .prepare(
            'INSERT INTO assistants (id, version, spec, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .bind(spec.id, version, json, now, by, now, by),
        this.db
          .prepare('INSERT INTO assistant_versions (id, version, spec, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
          .bind(spec.id, version, json, now, by),
      ]);
    } catch (error) {
      if (/UNIQUE|PRIMARY KEY/i.test(String(error))) return undefined;
      throw error;
    }
    return { spec, version, createdAt: now, updatedAt: now };
  }

  /**
   * Saves a new revision; the previous ones stay in assistant_versions. Both writes are one transaction, and the
   * (id, version) key of assistant_versions refuses a revision number twice: of two concurrent edits, the second
   * is rolled back and retried on top of the first.
   */
  async update(
    spec: AssistantSpec,
    by: string,
    now = new Date().toISOString(),
    attempt = 1,
  ): Promise<StoredAssistant | undefined> {
    const current = await this.get(spec.id);
    if (!current) return undefined;
    const version = current.version + 1;
    const json = JSON.stringify(spec);
    try {
      await this.db.batch([
        this.db
          .prepare('UPDATE assistants SET version = ?, spec = ?, updated_at = ?, updated_by = ? WHERE id = ?')
          .bind(version, json, now, by, spec.id),
        this.db
          .prepare('INSERT INTO assistant_versions (id, version, spec, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
          .bind(spec.id, version, json, now, by),
      ]);
    } catch (error) {
      if (attempt < 3 && /UNIQUE|PRIMARY KEY/i.test(String(error))) return this.update(spec, by, now, attempt + 1);
      throw error;
    }
    return { spec, version, createdAt: current.createdAt, updatedAt: now };
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.prepare('DELETE FROM assistants WHERE id = ?').bind(id).run();
    return result.meta.changes > 0;
  }

  /** Every revision, newest first (empty when the assistant does not exist now). */
  async versions(id: string): Promise<StoredVersion[]> {
    const { results } = await this.db
      .prepare(
        `SELECT v.version, v.spec, v.created_at, v.created_by FROM assistant_versions v
         WHERE v.id = ? AND EXISTS (SELECT 1 FROM assistants a WHERE a.id = v.id)
         ORDER BY v.version DESC`,
      )
      .bind(id)
      .all<{ version: number; spec: string; created_at: string; created_by: string }>();
    return results.flatMap((row) => {
      const spec = parseStored(row.spec, id);
      return spec ? [{ version: row.version, createdAt: row.created_at, createdBy: row.created_by, spec }] : [];
    });
  }
}
