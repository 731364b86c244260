/**
 * CSV for spreadsheets, safe to open: RFC 4180 quoting, and formula injection neutralised. A cell a
 * spreadsheet would read as a formula (starting with = + - @, a tab or carriage return, or their full-width
 * forms) gets a leading apostrophe, as OWASP recommends, so `=HYPERLINK(…)` typed into a question stays text.
 * Every text cell is quoted; numbers are written as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
