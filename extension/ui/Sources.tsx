import type { CitedSource } from '../../shared/knowledge';
import { t } from '../lib/i18n';
import { kindLabel } from './citation-sources';

/** The sources an answer cited, numbered as in the text, each marked as this page or company knowledge. */
export function Sources({ sources }: { sources: CitedSource[] }) {
  if (sources.length === 0) return null;
  return (
    <ol className="sources" aria-label={t('sources.list')}>
      {sources.map((source) => (
        <li key={source.label} className="sources__item">
          <span className={`citation__marker citation__marker--${source.kind}`}>{source.label}</span>
          <span className="sources__body">
            {source.url ? (
              <a href={source.url} target="_blank" rel="noopener noreferrer" title={source.text}>
                {source.title}
              </a>
            ) : (
              <span title={source.text}>{source.title}</span>
            )}
            {source.heading && <span className="muted"> › {source.heading}</span>}
            <span className={`source-kind source-kind--${source.kind}`}>{kindLabel(source)}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
