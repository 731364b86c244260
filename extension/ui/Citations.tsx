import type { CitedSource } from '../../shared/knowledge';
import { kindLabel } from './citation-sources';

/** The cited passage, with where it comes from and a link to it. */
export function SourceCard({ source }: { source: CitedSource }) {
  return (
    <div className="source-card">
      <div className="source-card__meta">
        <span className={`source-kind source-kind--${source.kind}`}>{kindLabel(source)}</span>
        {source.space && <span className="muted"> · {source.space}</span>}
      </div>
      <div className="source-card__title">
        {source.url ? (
          <a href={source.url} target="_blank" rel="noopener noreferrer">
            {source.title}
          </a>
        ) : (
          source.title
        )}
        {source.heading && <span className="muted"> › {source.heading}</span>}
      </div>
      {source.text && <blockquote className="source-card__text">{source.text}</blockquote>}
    </div>
  );
}

/**
 * A citation marker: hovering shows the passage as a tooltip, clicking opens it in place. A <details>
 * element does the toggling, so no state and no script beyond React's render.
 */
export function Citation({ source }: { source: CitedSource }) {
  const tooltip = `${source.title} (${kindLabel(source)})${source.text ? `\n\n${source.text.slice(0, 300)}` : ''}`;
  return (
    <details className="citation">
      <summary className={`citation__marker citation__marker--${source.kind}`} title={tooltip}>
        {source.label}
      </summary>
      <SourceCard source={source} />
    </details>
  );
}
