import type { ConfigProblem } from '../../shared/health';
import type { Env } from '../env';

export const DEFAULT_RETENTION_DAYS = 90;

/**
 * RETENTION_DAYS: how long personal data (conversations, and what other stores keep about a person) is kept.
 * A value that is not a whole number of days ≥ 1 is a problem, never silently replaced by the default: a bank
 * that set 30 must not keep data for 90 because of a typo.
 */
export function readRetentionDays(env: Pick<Env, 'RETENTION_DAYS'>): { days: number; problem?: ConfigProblem } {
  const raw = env.RETENTION_DAYS?.trim();
  if (!raw) return { days: DEFAULT_RETENTION_DAYS };
  const days = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isInteger(days) && days >= 1) return { days };
  return {
    days: DEFAULT_RETENTION_DAYS,
    problem: { setting: 'RETENTION_DAYS', message: 'RETENTION_DAYS must be a whole number of days, at least 1.' },
  };
}

/** The moment before which data has expired, seen from `now`. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
}
