import type { CitedSource } from '../../shared/knowledge';
import { t } from '../lib/i18n';
import { headingBeyondTitle, kindLabel } from './citation-sources';

function SourceLine({ source }: { source: CitedSource }) {
  const heading = headingBeyondTitle(source.title, source.heading);
  return (
    <span className="sources__body">
      {source.url ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer">
          {source.title}
        </a>
      ) : (
        <span>{source.title}</span>
      )}
      {heading && <span className="muted"> › {heading}</span>}
      <span className={`source-kind source-kind--${source.kind}`}>{kindLabel(source)}</span>
    </span>
  );
}

/**
 * The sources an answer cited, numbered as in the text, each marked as this page or company knowledge; passages
 * that were searched but not cited stay folded under "Also searched".
 */
export function Sources({ cited, searched = [] }: { cited: CitedSource[]; searched?: CitedSource[] }) {
  if (cited.length === 0 && searched.length === 0) return null;
  return (
    <div className="sources-wrap">
      {cited.length > 0 && (
        <ol className="sources" aria-label={t('sources.list')}>
          {cited.map((source) => (
            <li key={source.label} className="sources__item">
              <span className={`citation__marker citation__marker--${source.kind}`}>{source.label}</span>
              <SourceLine source={source} />
            </li>
          ))}
        </ol>
      )}
      {searched.length > 0 && (
        <details className="sources-searched" data-testid="also-searched">
          <summary>{t('sources.alsoSearched', [String(searched.length)])}</summary>
          <ol>
            {searched.map((source) => (
              <li key={source.label}>
                <SourceLine source={source} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
