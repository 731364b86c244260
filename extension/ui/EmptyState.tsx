import type { PageContext } from '../../shared/page-context';

const GENERAL = ['What is this page about?', 'Summarize this page in 5 bullet points', 'What should I do next here?'];
const BY_KIND: Partial<Record<PageContext['kind'], string[]>> = {
  record: ['Summarize this record', 'What are the risks on this deal?', 'What are the next steps?'],
  ticket: ['Summarize this ticket', 'What does the customer want?', 'Suggest a reply'],
  thread: ['Summarize this thread', 'What was agreed?', 'What do I owe them?'],
};

/** First view: what Beside can do here, as one-click questions. */
export function EmptyState({ page, onPick }: { page: PageContext | undefined; onPick: (text: string) => void }) {
  const suggestions = (page && BY_KIND[page.kind]) || GENERAL;
  return (
    <div className="empty" data-testid="empty-state">
      <h2>Ask about {page ? 'this page' : 'anything'}</h2>
      <p className="muted">
        {page
          ? 'Beside reads the page beside it. Answers cite what they use.'
          : 'Open a page to ask about it, or ask a general question.'}
      </p>
      <ul className="suggestions">
        {suggestions.map((suggestion) => (
          <li key={suggestion}>
            <button type="button" className="suggestion" onClick={() => onPick(suggestion)}>
              {suggestion}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
