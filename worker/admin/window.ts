import type { AdminWindowQuery, ReportWindow } from '../../shared/admin';

/** Days as the usage tables store them: 'YYYY-MM-DD', UTC. */
export function addDays(day: string, delta: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + delta * 86_400_000).toISOString().slice(0, 10);
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The window a report covers: `days` days ending on `to` (default today), both ends inclusive. */
export function reportWindow(query: Pick<AdminWindowQuery, 'to' | 'days'>, now = new Date()): ReportWindow {
  const to = query.to ?? todayUtc(now);
  return { from: addDays(to, -(query.days - 1)), to, days: query.days };
}

/** Every day of the window, so a chart shows quiet days as zero instead of skipping them. */
export function daysOf(window: ReportWindow): string[] {
  return Array.from({ length: window.days }, (_, index) => addDays(window.from, index));
}

/** a / b, or null when there is nothing to divide. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
