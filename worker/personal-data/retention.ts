import { readConfig } from '../config';
import type { Env } from '../env';
import { personalDataStores } from './registry';
import { retentionCutoff } from './settings';

export type RetentionReport = Record<string, Record<string, number>>;

/**
 * The retention cron: every store deletes what is older than RETENTION_DAYS, counted from the time the run was
 * scheduled for. An unusable RETENTION_DAYS deletes nothing (and says so): guessing a period could erase data
 * the company meant to keep.
 */
export async function enforceRetention(env: Env, scheduledTime: Date): Promise<RetentionReport | undefined> {
  const config = readConfig(env);
  if (config.problems.some((problem) => problem.setting === 'RETENTION_DAYS')) {
    console.error(JSON.stringify({ event: 'retention_skipped', reason: 'RETENTION_DAYS is not usable' }));
    return undefined;
  }
  const cutoff = retentionCutoff(scheduledTime, config.retentionDays);
  const report: RetentionReport = {};
  for (const store of personalDataStores) {
    if (store.expire) report[store.name] = await store.expire({ env, cutoff });
  }
  console.log(JSON.stringify({ event: 'retention', cutoff: cutoff.toISOString(), deleted: report }));
  return report;
}
