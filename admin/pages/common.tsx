import type { ReactNode } from 'react';

export function Loading() {
  return <p className="muted">Loading…</p>;
}

export function Failed({ error }: { error: Error }) {
  return (
    <p className="error" role="alert">
      Could not load this report: {error.message}
    </p>
  );
}

/** The period a report covers, ending today (the server's day, UTC). */
export function WindowPicker({
  days,
  onDays,
  children,
}: {
  days: number;
  onDays: (days: number) => void;
  children?: ReactNode;
}) {
  return (
    <div className="toolbar">
      <label className="field">
        Period
        <select value={days} onChange={(event) => onDays(Number(event.target.value))} aria-label="Period">
          <option value={7}>Last 7 days</option>
          <option value={28}>Last 28 days</option>
          <option value={90}>Last 90 days</option>
        </select>
      </label>
      {children}
    </div>
  );
}
