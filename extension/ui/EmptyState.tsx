import type { PageContext } from '../../shared/page-context';
import { t } from '../lib/i18n';

// Functions, not constants: the words are looked up in the browser's language when the panel renders.
const GENERAL = () => [t('panel.empty.general.about'), t('panel.empty.general.bullets'), t('panel.empty.general.next')];
const BY_KIND: Partial<Record<PageContext['kind'], () => string[]>> = {
  record: () => [t('panel.empty.record.summary'), t('panel.empty.record.risks'), t('panel.empty.record.next')],
  ticket: () => [t('panel.empty.ticket.summary'), t('panel.empty.ticket.wants'), t('panel.empty.ticket.reply')],
  thread: () => [t('panel.empty.thread.summary'), t('panel.empty.thread.agreed'), t('panel.empty.thread.owe')],
};

/** First view: what Beside can do here, as one-click questions. */
export function EmptyState({
  page,
  onPick,
  starters,
}: {
  page: PageContext | undefined;
  onPick: (text: string) => void;
  /** The chosen assistant's starter prompts; without any, questions that fit the page's kind. */
  starters?: readonly string[] | undefined;
}) {
  const suggestions = starters?.length ? starters : ((page && BY_KIND[page.kind]) || GENERAL)();
  return (
    <div className="empty" data-testid="empty-state">
      <h2>{page ? t('panel.empty.titlePage') : t('panel.empty.titleAnything')}</h2>
      <p className="muted">{page ? t('panel.empty.hintPage') : t('panel.empty.hintNoPage')}</p>
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
