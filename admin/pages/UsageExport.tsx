import { useState } from 'react';
import { usageExportColumns } from '../../shared/admin';
import { apiFetch } from '../api';

function addDays(day: string, delta: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + delta * 86_400_000).toISOString().slice(0, 10);
}

export function UsageExportPage({ today }: { today: string }) {
  const [from, setFrom] = useState(addDays(today, -27));
  const [to, setTo] = useState(today);
  const [status, setStatus] = useState<{ kind: 'idle' | 'busy' | 'done' | 'failed'; text: string }>({
    kind: 'idle',
    text: '',
  });

  async function download() {
    setStatus({ kind: 'busy', text: 'Preparing the file…' });
    try {
      const response = await apiFetch(`/v1/admin/usage.csv?from=${from}&to=${to}`);
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `beside-usage-${from}-to-${to}.csv`;
      link.click();
      URL.revokeObjectURL(url);
      setStatus({ kind: 'done', text: `Downloaded ${Math.round(blob.size / 1024)} KB.` });
    } catch (error) {
      setStatus({ kind: 'failed', text: (error as Error).message });
    }
  }

  return (
    <>
      <h2>Usage export</h2>
      <p className="sub">
        Every usage event of the days, as CSV for a spreadsheet. People appear as pseudonyms; question and answer text
        only when PAYLOAD_LOGGING=full. Cells that a spreadsheet would run as formulas are prefixed with an apostrophe.
      </p>
      <section className="panel">
        <div className="toolbar">
          <label className="field">
            From
            <input
              type="date"
              aria-label="From"
              value={from}
              max={to}
              onChange={(event) => setFrom(event.target.value)}
            />
          </label>
          <label className="field">
            To
            <input type="date" aria-label="To" value={to} min={from} onChange={(event) => setTo(event.target.value)} />
          </label>
          <button type="button" className="primary" onClick={download} disabled={status.kind === 'busy'}>
            Download CSV
          </button>
        </div>
        <p className={status.kind === 'failed' ? 'error' : 'muted'} role="status">
          {status.text}
        </p>
        <h3>Columns</h3>
        <p>
          {usageExportColumns.map((column) => (
            <span className="tag" key={column}>
              {column}
            </span>
          ))}
        </p>
      </section>
    </>
  );
}
