import { useState } from 'react';
import { describeCapture } from '../capture/describe';
import type { CaptureState } from './hooks/usePageContext';
import { IconButton } from './IconButton';
import { CloseIcon, PageIcon, RefreshIcon } from './icons';

interface Props {
  state: CaptureState;
  onRefresh: () => void;
  onRemove: () => void;
  onRestore: () => void;
}

/** Shows what the panel captured and will send; the person can open it, refresh it or leave it out. */
export function CaptureChip({ state, onRefresh, onRemove, onRestore }: Props) {
  const [open, setOpen] = useState(false);

  if (state.status === 'capturing') {
    return (
      <div className="chip chip--busy" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" /> Reading the page…
      </div>
    );
  }
  if (state.status === 'blocked') {
    return (
      <div className="chip chip--muted chip--blocked" role="status" data-testid="capture-blocked">
        <span className="chip__label">{state.message}</span>
      </div>
    );
  }
  if (state.status === 'unavailable') {
    return (
      <div className="chip chip--muted" role="status" data-testid="capture-unavailable">
        <span className="chip__label">{state.message}</span>
        <IconButton label="Try reading the page again" title="Try again (Alt+R)" onClick={onRefresh}>
          <RefreshIcon />
        </IconButton>
      </div>
    );
  }
  if (state.status === 'removed') {
    return (
      <div className="chip chip--muted" role="status">
        <span className="chip__label">Page not shared</span>
        <button type="button" className="link-button" onClick={onRestore}>
          Share it again
        </button>
      </div>
    );
  }

  const { page } = state;
  return (
    <div className="chip-wrap">
      <div className="chip" data-testid="capture-chip">
        <button
          type="button"
          className="chip__label link-button"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          title="See exactly what will be sent"
        >
          <PageIcon /> {describeCapture(page)}
        </button>
        <IconButton label="Read the page again" title="Read the page again (Alt+R)" onClick={onRefresh}>
          <RefreshIcon />
        </IconButton>
        <IconButton label="Don’t share this page" onClick={onRemove}>
          <CloseIcon />
        </IconButton>
      </div>
      {open && (
        <div className="capture-preview" data-testid="capture-preview">
          <div className="capture-preview__meta">
            {page.site} · {page.kind} · {page.markdown.length.toLocaleString()} characters
          </div>
          <pre>{page.markdown || '(no text found on this page)'}</pre>
        </div>
      )}
    </div>
  );
}
