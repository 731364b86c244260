import type { Env } from '../env';

/** Whose data: the identity's subject (stores that keep a pseudonym derive it from this). */
export interface DataSubject {
  env: Env;
  subject: string;
}

/**
 * A table (or tables) holding data about a person. Every such store registers in `registry.ts`, so that
 * `GET /v1/me/data` exports it, `DELETE /v1/me/data` erases it, and the retention cron expires it: a new store
 * cannot be forgotten by one of the three.
 */
export interface PersonalDataStore {
  /** The key of this store's part in the export and in the erasure counts, e.g. `conversations`. */
  name: string;
  /** Everything the store holds about the person, as JSON. */
  export(subject: DataSubject): Promise<unknown>;
  /** Deletes everything the store holds about the person; counts of rows removed, by kind. */
  erase(subject: DataSubject): Promise<Record<string, number>>;
  /** Deletes what is older than `cutoff` (RETENTION_DAYS); counts of rows removed, by kind. */
  expire?(context: { env: Env; cutoff: Date }): Promise<Record<string, number>>;
}
