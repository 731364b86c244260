import { useState } from 'react';
import { AssistantsReport } from '../../shared/admin';
import { getJson } from '../api';
import { CategoryBars } from '../components/Charts';
import { DataTable } from '../components/DataTable';
import { formatCount, formatShare, formatUsd } from '../format';
import { useReport } from '../useReport';
import { Failed, Loading, WindowPicker } from './common';

const load = (path: string) => getJson(path, AssistantsReport);

export function AssistantsPage({ today }: { today: string }) {
  const [days, setDays] = useState(28);
  const report = useReport(`/v1/admin/assistants?to=${today}&days=${days}`, load);
  return (
    <>
      <h2>Assistants</h2>
      <p className="sub">Usage, rating and cost per assistant. Cost is tokens × the price table below.</p>
      <WindowPicker days={days} onDays={setDays} />
      {report.state === 'loading' ? <Loading /> : null}
      {report.state === 'failed' ? <Failed error={report.error} /> : null}
      {report.state === 'ready' ? <Body data={report.data} /> : null}
    </>
  );
}

function Body({ data }: { data: AssistantsReport }) {
  const chart = data.assistants.map((row) => ({
    ...row,
    name: row.assistant || '(none)',
    cost: Number((row.costUsd ?? 0).toFixed(2)),
  }));
  return (
    <>
      <section className="panel">
        <h3>Requests and people</h3>
        <CategoryBars
          data={chart}
          category="name"
          label="Requests and people per assistant"
          series={[
            { key: 'requests', name: 'Requests' },
            { key: 'people', name: 'People' },
          ]}
        />
        <DataTable
          testId="assistants-table"
          rows={data.assistants}
          rowKey={(row) => row.assistant}
          columns={[
            { title: 'Assistant', cell: (row) => row.assistant || '(none)' },
            { title: 'Requests', cell: (row) => formatCount(row.requests), numeric: true },
            { title: 'People', cell: (row) => formatCount(row.people), numeric: true },
            { title: 'Errors', cell: (row) => formatCount(row.errors), numeric: true },
            { title: 'Thumbs-up rate', cell: (row) => formatShare(row.thumbsUpRate), numeric: true },
            { title: 'Tokens in', cell: (row) => formatCount(row.tokensIn), numeric: true },
            { title: 'Tokens out', cell: (row) => formatCount(row.tokensOut), numeric: true },
            { title: 'Cost', cell: (row) => formatUsd(row.costUsd), numeric: true },
          ]}
        />
      </section>
      {data.assistants.map((row) => (
        <section className="panel" key={row.assistant}>
          <h3>{row.assistant || '(none)'}</h3>
          <DataTable
            rows={row.models}
            rowKey={(model) => model.model}
            columns={[
              { title: 'Model', cell: (model) => model.model },
              { title: 'Requests', cell: (model) => formatCount(model.requests), numeric: true },
              { title: 'Tokens in', cell: (model) => formatCount(model.tokensIn), numeric: true },
              { title: 'Tokens out', cell: (model) => formatCount(model.tokensOut), numeric: true },
              { title: 'Cost', cell: (model) => formatUsd(model.costUsd), numeric: true },
            ]}
          />
          <h4>Top questions</h4>
          {data.questionsLogged ? (
            <DataTable
              rows={row.topQuestions}
              rowKey={(question) => question.question}
              columns={[
                { title: 'Question', cell: (question) => question.question },
                { title: 'Asked', cell: (question) => formatCount(question.count), numeric: true },
              ]}
            />
          ) : (
            <p className="muted">Questions are stored only with PAYLOAD_LOGGING=full.</p>
          )}
        </section>
      ))}
      <section className="panel">
        <h3>Price table (US dollars per million tokens)</h3>
        <DataTable
          rows={data.prices}
          rowKey={(price) => price.model}
          columns={[
            { title: 'Model', cell: (price) => price.model },
            { title: 'Input', cell: (price) => price.inputPerMillion.toFixed(2), numeric: true },
            { title: 'Output', cell: (price) => price.outputPerMillion.toFixed(2), numeric: true },
          ]}
        />
      </section>
    </>
  );
}
