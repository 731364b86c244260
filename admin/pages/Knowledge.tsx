import { useState } from 'react';
import { KnowledgeReport } from '../../shared/admin';
import { getJson } from '../api';
import { CategoryBars } from '../components/Charts';
import { DataTable } from '../components/DataTable';
import { formatCount } from '../format';
import { useReport } from '../useReport';
import { Failed, Loading, WindowPicker } from './common';

const load = (path: string) => getJson(path, KnowledgeReport);

export function KnowledgePage({ today }: { today: string }) {
  const [days, setDays] = useState(28);
  const report = useReport(`/v1/admin/knowledge?to=${today}&days=${days}`, load);
  return (
    <>
      <h2>Knowledge</h2>
      <p className="sub">What the knowledge base holds, and the questions it could not answer.</p>
      <WindowPicker days={days} onDays={setDays} />
      {report.state === 'loading' ? <Loading /> : null}
      {report.state === 'failed' ? <Failed error={report.error} /> : null}
      {report.state === 'ready' ? <Body data={report.data} /> : null}
    </>
  );
}

function Body({ data }: { data: KnowledgeReport }) {
  return (
    <>
      <section className="panel">
        <h3>Documents per space</h3>
        {data.spaces.length ? (
          <CategoryBars
            data={data.spaces}
            category="space"
            label="Documents and chunks per space"
            series={[
              { key: 'documents', name: 'Documents' },
              { key: 'chunks', name: 'Chunks' },
            ]}
          />
        ) : null}
        <DataTable
          testId="spaces-table"
          rows={data.spaces}
          rowKey={(row) => row.space}
          empty="No documents yet: npm run ingest -- <folder> --space <name>."
          columns={[
            { title: 'Space', cell: (row) => row.space },
            { title: 'Documents', cell: (row) => formatCount(row.documents), numeric: true },
            { title: 'Chunks', cell: (row) => formatCount(row.chunks), numeric: true },
            { title: 'Last ingested', cell: (row) => row.lastIngestedAt?.replace('T', ' ').slice(0, 16) ?? '—' },
          ]}
        />
        <p data-testid="failed-ingests" className={data.failedIngests ? 'error' : 'muted'}>
          {data.failedIngests
            ? `${formatCount(data.failedIngests)} vector writes from failed or interrupted ingests are waiting to be cleaned up; re-run the ingest.`
            : 'No failed ingests.'}
        </p>
      </section>
      <section className="panel">
        <h3>Knowledge gaps</h3>
        <p className="muted">
          Questions whose retrieval found nothing scoring above {data.gaps.minScore}, or rated “not grounded” or
          “outdated”, grouped by {data.gaps.method === 'embeddings' ? 'embedding similarity' : 'shared words'}.
        </p>
        {!data.gaps.questionsLogged ? (
          <p className="muted">Questions are stored only with PAYLOAD_LOGGING=full: the gap report needs them.</p>
        ) : null}
        <DataTable
          testId="gaps-table"
          rows={data.gaps.clusters}
          rowKey={(row) => row.label}
          empty="No knowledge gaps in this period."
          columns={[
            {
              title: 'Question',
              cell: (row) => (
                <>
                  <strong>{row.label}</strong>
                  {row.examples.length > 1 ? (
                    <div className="muted">Also asked as: {row.examples.slice(1).join(' · ')}</div>
                  ) : null}
                  <div className="hint">{row.hint}</div>
                </>
              ),
            },
            { title: 'Asked', cell: (row) => formatCount(row.count), numeric: true },
            { title: 'Nothing found', cell: (row) => formatCount(row.noResults), numeric: true },
            { title: 'Weak match', cell: (row) => formatCount(row.lowScore), numeric: true },
            { title: 'Not grounded', cell: (row) => formatCount(row.notGrounded), numeric: true },
            { title: 'Outdated', cell: (row) => formatCount(row.outdated), numeric: true },
          ]}
        />
      </section>
    </>
  );
}
