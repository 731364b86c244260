import { useState } from 'react';
import { AuditPage as AuditPageSchema, auditActions } from '../../shared/oversight';
import { getJson } from '../api';
import { DataTable } from '../components/DataTable';
import { useReport } from '../useReport';
import { Failed, Loading } from './common';

const load = (path: string) => getJson(path, AuditPageSchema);

export function AuditPage() {
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [pages, setPages] = useState<number[]>([]);
  const query = new URLSearchParams({ limit: '50' });
  if (action) query.set('action', action);
  if (actor) query.set('actor', actor);
  const before = pages.at(-1);
  if (before) query.set('before', String(before));
  const report = useReport(`/v1/admin/audit?${query}`, load);
  return (
    <>
      <h2>Audit</h2>
      <p className="sub">
        Append-only: document changes, assistant edits, approved writes, settings, console sign-ins.
      </p>
      <div className="toolbar">
        <label className="field">
          Action
          <select
            aria-label="Action"
            value={action}
            onChange={(event) => {
              setAction(event.target.value);
              setPages([]);
            }}
          >
            <option value="">All</option>
            {auditActions.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Who
          <input
            aria-label="Who"
            value={actor}
            placeholder="anyone"
            onChange={(event) => {
              setActor(event.target.value);
              setPages([]);
            }}
          />
        </label>
      </div>
      {report.state === 'loading' ? <Loading /> : null}
      {report.state === 'failed' ? <Failed error={report.error} /> : null}
      {report.state === 'ready' ? (
        <section className="panel">
          <DataTable
            testId="audit-table"
            rows={report.data.entries}
            rowKey={(entry) => String(entry.id)}
            empty="No audit entries match."
            columns={[
              { title: 'When', cell: (entry) => entry.at.replace('T', ' ').slice(0, 19) },
              { title: 'Who', cell: (entry) => entry.actor },
              { title: 'Action', cell: (entry) => <code>{entry.action}</code> },
              { title: 'Target', cell: (entry) => entry.target ?? '—' },
              { title: 'Details', cell: (entry) => <code>{JSON.stringify(entry.details)}</code> },
            ]}
          />
          <div className="toolbar">
            <button type="button" disabled={pages.length === 0} onClick={() => setPages(pages.slice(0, -1))}>
              Newer
            </button>
            <button
              type="button"
              disabled={report.data.next === null}
              onClick={() => report.data.next !== null && setPages([...pages, report.data.next])}
            >
              Older
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}
