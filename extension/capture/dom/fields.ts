import type { RecordField } from '../../../shared/page-context';

/** "Close Date:" / "Amount *" → "Close Date" / "Amount". */
export function cleanLabel(label: string): string {
  return label
    .replace(/\s+/g, ' ')
    .replace(/(?<![\s:*])[\s:*]+$/, '') // from a run's start only: linear on "::::…"
    .trim();
}

/** Keeps the first value per label (highlights come before details), drops empty and placeholder values. */
export function uniqueFields(fields: readonly RecordField[]): RecordField[] {
  const seen = new Set<string>();
  const result: RecordField[] = [];
  for (const { label, value } of fields) {
    const cleanedLabel = cleanLabel(label).slice(0, 200);
    const cleanedValue = value
      .replace(/[ \t]+/g, ' ')
      .trim()
      .slice(0, 4_000);
    const key = cleanedLabel.toLowerCase();
    if (!cleanedLabel || !cleanedValue || cleanedValue === '-' || cleanedValue === '--' || seen.has(key)) continue;
    seen.add(key);
    result.push({ label: cleanedLabel, value: cleanedValue });
  }
  return result;
}

/** A related list's "(3)" / "(10+)" counter. */
export function countIn(text: string): number | undefined {
  const match = text.match(/\((\d[\d,]*)\+?\)/);
  return match ? Number((match[1] ?? '').replace(/,/g, '')) : undefined;
}
