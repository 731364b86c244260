import { useEffect, useState } from 'react';
import { describeCapture } from '../capture/describe';
import { t } from '../lib/i18n';
import { markStep } from '../lib/timing';
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
  useEffect(() => {
    if (state.status === 'ready') markStep('chip-shown');
  }, [state]);

  if (state.status === 'capturing') {
    return (
      <div className="chip chip--busy" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" /> {t('capture.reading')}
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
        <IconButton label={t('capture.tryAgainLabel')} title={t('capture.tryAgainShortcut')} onClick={onRefresh}>
          <RefreshIcon />
        </IconButton>
      </div>
    );
  }
  if (state.status === 'removed') {
    return (
      <div className="chip chip--muted" role="status">
        <span className="chip__label">{t('capture.notShared')}</span>
        <button type="button" className="link-button" onClick={onRestore}>
          {t('capture.shareAgain')}
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
          title={t('capture.seeWhatIsSent')}
        >
          <PageIcon /> {describeCapture(page)}
        </button>
        <IconButton label={t('capture.readAgain')} title={t('capture.readAgainShortcut')} onClick={onRefresh}>
          <RefreshIcon />
        </IconButton>
        <IconButton label={t('capture.dontShare')} onClick={onRemove}>
          <CloseIcon />
        </IconButton>
      </div>
      {open && (
        <div className="capture-preview" data-testid="capture-preview">
          <div className="capture-preview__meta">
            {t('capture.characters', {
              site: page.site,
              kind: page.kind,
              count: page.markdown.length.toLocaleString(),
            })}
          </div>
          <pre>{page.markdown || t('capture.noText')}</pre>
        </div>
      )}
    </div>
  );
}
