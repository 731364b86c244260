/**
 * Percentiles of time to first token from the histogram in usage_daily_ttft (migrations/0003_console.sql):
 * buckets are upper edges in milliseconds, so a percentile is exact to its bucket (10 ms below 10 s).
 */
export interface Bucket {
  bucket: number;
  events: number;
}

export function histogramPercentile(buckets: readonly Bucket[], p: number): number | null {
  const sorted = [...buckets].sort((a, b) => a.bucket - b.bucket);
  const total = sorted.reduce((sum, entry) => sum + entry.events, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const entry of sorted) {
    seen += entry.events;
    if (seen >= rank) return entry.bucket;
  }
  return sorted.at(-1)?.bucket ?? null;
}
