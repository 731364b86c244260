import { useState } from 'react';
import { Overview as OverviewSchema } from '../../shared/admin';
import { getJson } from '../api';
import { Card } from '../components/Card';
import { CategoryBars, DailyLines } from '../components/Charts';
import { DataTable } from '../components/DataTable';
import { formatCount, formatMs, formatShare } from '../format';
import { useReport } from '../useReport';
import { Failed, Loading, WindowPicker } from './common';

const load = (path: string) => getJson(path, OverviewSchema);

export function OverviewPage({ today }: { today: string }) {
  const [days, setDays] = useState(28);
  const [group, setGroup] = useState('');
  const report = useReport(
    `/v1/admin/overview?to=${today}&days=${days}${group ? `&group=${encodeURIComponent(group)}` : ''}`,
    load,
  );
  return (
    <>
      <h2>Overview</h2>
      <p className="sub">Adoption, volume, quality and speed. Numbers are per person pseudonym: no names are stored.</p>
      <WindowPicker days={days} onDays={setDays}>
        <label className="field">
          Group
          <input
            value={group}
            placeholder="all groups"
            onChange={(event) => setGroup(event.target.value)}
            aria-label="Group"
          />
        </label>
      </WindowPicker>
      {report.state === 'loading' ? <Loading /> : null}
      {report.state === 'failed' ? <Failed error={report.error} /> : null}
      {report.state === 'ready' ? <OverviewBody data={report.data} /> : null}
    </>
  );
}

function OverviewBody({ data }: { data: OverviewSchema }) {
  const { totals } = data;
  return (
    <>
      <div className="cards">
        <Card
          label="Weekly active share"
          value={formatShare(data.weeklyActiveShare)}
          note={`${formatCount(data.weeklyActive)} of ${formatCount(data.seen30Days)} people seen in 30 days`}
          testId="weekly-active-share"
        />
        <Card label="Weekly active people" value={formatCount(data.weeklyActive)} testId="weekly-active" />
        <Card label={`Active on ${data.window.to}`} value={formatCount(data.dailyActive)} testId="daily-active" />
        <Card
          label="Questions"
          value={formatCount(totals.questions)}
          note={`${formatCount(totals.requests)} requests in all`}
          testId="questions"
        />
        <Card
          label="Answers with citations"
          value={formatCount(totals.answersWithCitations)}
          // Counted over every answer (questions, summaries and drafts), so the share is of requests, not questions.
          note={`${formatShare(totals.requests ? totals.answersWithCitations / totals.requests : null)} of ${formatCount(totals.requests)} answers, drafts included`}
          testId="cited"
        />
        <Card
          label="Thumbs-up rate"
          value={formatShare(totals.thumbsUpRate)}
          note={`${formatCount(totals.thumbsUp)} up · ${formatCount(totals.thumbsDown)} down`}
          testId="thumbs-up-rate"
        />
        <Card
          label="Time to first token"
          value={formatMs(totals.ttftP50Ms)}
          note={`p95 ${formatMs(totals.ttftP95Ms)}`}
          testId="ttft-p50"
        />
        <Card label="Errors" value={formatCount(totals.errors)} testId="errors" />
      </div>

      <section className="panel">
        <h3>Active people and questions per day</h3>
        <DailyLines
          data={data.days}
          label="Active people and questions per day"
          series={[
            { key: 'activePeople', name: 'Active people' },
            { key: 'questions', name: 'Questions' },
            { key: 'answersWithCitations', name: 'Answers with citations' },
            { key: 'errors', name: 'Errors' },
          ]}
        />
        <h3>Time to first token</h3>
        <DailyLines
          data={data.days}
          label="Time to first token per day, p50 and p95"
          series={[
            { key: 'ttftP50Ms', name: 'p50 (ms)' },
            { key: 'ttftP95Ms', name: 'p95 (ms)' },
          ]}
        />
        <details>
          <summary>The numbers per day</summary>
          <DataTable
            testId="days-table"
            rows={[...data.days].reverse()}
            rowKey={(row) => row.day}
            columns={[
              { title: 'Day', cell: (row) => row.day },
              { title: 'Active people', cell: (row) => formatCount(row.activePeople), numeric: true },
              { title: 'Questions', cell: (row) => formatCount(row.questions), numeric: true },
              { title: 'With citations', cell: (row) => formatCount(row.answersWithCitations), numeric: true },
              { title: 'Errors', cell: (row) => formatCount(row.errors), numeric: true },
              { title: 'TTFT p50', cell: (row) => formatMs(row.ttftP50Ms), numeric: true },
              { title: 'TTFT p95', cell: (row) => formatMs(row.ttftP95Ms), numeric: true },
            ]}
          />
        </details>
      </section>

      <section className="panel">
        <h3>By team</h3>
        <CategoryBars
          data={data.groups}
          category="group"
          label="Weekly active people and people seen in 30 days, by group"
          series={[
            { key: 'weeklyActive', name: 'Weekly active' },
            { key: 'seen30Days', name: 'Seen in 30 days' },
          ]}
        />
        <DataTable
          testId="groups-table"
          rows={data.groups}
          rowKey={(row) => row.group}
          columns={[
            { title: 'Group', cell: (row) => row.group },
            { title: 'Weekly active', cell: (row) => formatCount(row.weeklyActive), numeric: true },
            { title: 'Seen in 30 days', cell: (row) => formatCount(row.seen30Days), numeric: true },
            { title: 'Weekly share', cell: (row) => formatShare(row.weeklyActiveShare), numeric: true },
            { title: 'Questions', cell: (row) => formatCount(row.questions), numeric: true },
            { title: 'Errors', cell: (row) => formatCount(row.errors), numeric: true },
            {
              title: 'Thumbs-up rate',
              cell: (row) =>
                formatShare(row.thumbsUp + row.thumbsDown ? row.thumbsUp / (row.thumbsUp + row.thumbsDown) : null),
              numeric: true,
            },
          ]}
        />
      </section>

      <section className="panel">
        <h3>Errors by code</h3>
        <DataTable
          testId="errors-table"
          rows={data.errorsByCode}
          rowKey={(row) => row.code}
          empty="No errors in this period."
          columns={[
            { title: 'Code', cell: (row) => <code>{row.code}</code> },
            { title: 'Requests', cell: (row) => formatCount(row.count), numeric: true },
          ]}
        />
      </section>
    </>
  );
}
