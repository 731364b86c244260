import { useState } from 'react';
import { FeedbackList } from '../../shared/admin';
import { feedbackReasons } from '../../shared/oversight';
import { getJson } from '../api';
import { DataTable } from '../components/DataTable';
import { useReport } from '../useReport';
import { Failed, Loading } from './common';

const load = (path: string) => getJson(path, FeedbackList);

export function FeedbackPage() {
  const [rating, setRating] = useState('');
  const [reason, setReason] = useState('');
  const [assistant, setAssistant] = useState('');
  const [pages, setPages] = useState<string[]>([]);
  const query = new URLSearchParams({ limit: '25' });
  if (rating) query.set('rating', rating);
  if (reason) query.set('reason', reason);
  if (assistant) query.set('assistant', assistant);
  const before = pages.at(-1);
  if (before) query.set('before', before);
  const report = useReport(`/v1/admin/feedback?${query}`, load);
  const filter = (set: (value: string) => void) => (value: string) => {
    set(value);
    setPages([]);
  };
  return (
    <>
      <h2>Feedback</h2>
      <p className="sub">
        Thumbs up and down on answers and drafts, newest first, with what was rated and its sources.
      </p>
      <div className="toolbar">
        <label className="field">
          Rating
          <select aria-label="Rating" value={rating} onChange={(event) => filter(setRating)(event.target.value)}>
            <option value="">All</option>
            <option value="up">Thumbs up</option>
            <option value="down">Thumbs down</option>
          </select>
        </label>
        <label className="field">
          Reason
          <select aria-label="Reason" value={reason} onChange={(event) => filter(setReason)(event.target.value)}>
            <option value="">Any</option>
            {feedbackReasons.map((value) => (
              <option key={value} value={value}>
                {value.replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Assistant
          <input
            aria-label="Assistant"
            value={assistant}
            placeholder="any"
            onChange={(event) => filter(setAssistant)(event.target.value)}
          />
        </label>
      </div>
      {report.state === 'loading' ? <Loading /> : null}
      {report.state === 'failed' ? <Failed error={report.error} /> : null}
      {report.state === 'ready' ? (
        <section className="panel">
          <DataTable
            testId="feedback-table"
            rows={report.data.items}
            rowKey={(item) => item.id}
            empty="No feedback matches."
            columns={[
              { title: 'When', cell: (item) => item.at.replace('T', ' ').slice(0, 16) },
              {
                title: 'Rating',
                cell: (item) => (
                  <span className={item.rating}>
                    {item.rating === 'up' ? 'Up' : 'Down'}
                    {item.reason ? ` · ${item.reason.replace('_', ' ')}` : ''}
                  </span>
                ),
              },
              { title: 'Assistant', cell: (item) => `${item.assistant ?? '—'} · ${item.action ?? ''}` },
              {
                title: 'Answer',
                cell: (item) => (
                  <>
                    {item.question ? (
                      <div>
                        <strong>Q:</strong> {item.question}
                      </div>
                    ) : null}
                    {item.answer ? (
                      <div>
                        <strong>A:</strong> {item.answer}
                      </div>
                    ) : (
                      <div className="muted">Text not stored (PAYLOAD_LOGGING=metadata).</div>
                    )}
                    {item.comment ? <div className="hint">“{item.comment}”</div> : null}
                  </>
                ),
              },
              {
                title: 'Sources',
                cell: (item) =>
                  item.sources.length ? (
                    item.sources.map((source) =>
                      source.url && /^https?:\/\//i.test(source.url) ? (
                        <div key={`${source.title}${source.url}`}>
                          <a href={source.url} target="_blank" rel="noreferrer noopener">
                            {source.title}
                          </a>
                          {source.space ? <span className="tag">{source.space}</span> : null}
                        </div>
                      ) : (
                        <div key={source.title}>{source.title}</div>
                      ),
                    )
                  ) : (
                    <span className="muted">none</span>
                  ),
              },
            ]}
          />
          <div className="toolbar">
            <button type="button" disabled={pages.length === 0} onClick={() => setPages(pages.slice(0, -1))}>
              Newer
            </button>
            <button
              type="button"
              disabled={!report.data.next}
              onClick={() => report.data.next && setPages([...pages, report.data.next])}
            >
              Older
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}
