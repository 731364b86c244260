import { createContext, useCallback, useContext, useId, useState } from 'react';
import type { CitedSource } from '../../shared/knowledge';
import { t } from '../lib/i18n';
import { headingBeyondTitle, kindLabel, type Sources } from './citation-sources';
import { Markdown } from './Markdown';

/** The passage behind a citation: where it comes from, a link to it, and its text rendered as Markdown. */
export function SourceCard({ source }: { source: CitedSource }) {
  const heading = headingBeyondTitle(source.title, source.heading);
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
        {heading && <span className="muted"> › {heading}</span>}
      </div>
      {source.text && (
        <div className="source-card__text">
          <Markdown text={source.text} />
        </div>
      )}
    </div>
  );
}

/** Where the badges of one answer find their sources and the popovers that show them. */
interface CitationScope {
  sources: Sources;
  popoverId: (label: string) => string;
}
export const CitationContext = createContext<CitationScope | undefined>(undefined);

/**
 * A citation in running text: an inline button (focusable, Enter opens, Escape closes) whose passage opens in a
 * popover kept outside the streamed Markdown, so it stays open while the answer is still being written.
 */
export function CitationBadge({ label }: { label: string }) {
  const scope = useContext(CitationContext);
  const source = scope?.sources.get(label);
  if (!scope || !source) return <>[{label}]</>;
  return (
    <button
      type="button"
      className={`citation citation--${source.kind}`}
      popoverTarget={scope.popoverId(label)}
      aria-label={t('sources.badge', [label, source.title, kindLabel(source)])}
      title={`${source.title} (${kindLabel(source)})`}
      data-testid="citation"
    >
      {label}
    </button>
  );
}

/**
 * The popover of one source. Its card is rendered only while open: a page source carries the whole captured page,
 * and rendering it as Markdown on every streamed word would slow the answer down.
 */
function CitationPopover({ source, id }: { source: CitedSource; id: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div
      id={id}
      popover="auto"
      className="citation-popover"
      role="dialog"
      aria-label={t('sources.badge', [source.label, source.title, kindLabel(source)])}
      data-testid="citation-popover"
      onToggle={(event) => setOpen((event.nativeEvent as ToggleEvent).newState === 'open')}
    >
      {open && <SourceCard source={source} />}
    </div>
  );
}

/** One popover per source of an answer, anchored by CSS to the badge that opened it. */
export function CitationPopovers({ sources, popoverId }: CitationScope) {
  return (
    <>
      {[...sources.values()].map((source) => (
        <CitationPopover key={source.label} source={source} id={popoverId(source.label)} />
      ))}
    </>
  );
}

/** An answer's text with its citation badges and, outside the streamed Markdown, the popovers they open. */
export function CitedText({ text, sources }: { text: string; sources: Sources }) {
  const scopeId = useId();
  const popoverId = useCallback((label: string) => `cite-${scopeId}-${label}`, [scopeId]);
  return (
    <CitationContext.Provider value={{ sources, popoverId }}>
      <Markdown text={text} sources={sources} />
      <CitationPopovers sources={sources} popoverId={popoverId} />
    </CitationContext.Provider>
  );
}
