import { useEffect, useMemo } from 'react';
import type { PageContext } from '../../shared/page-context';
import { actionsFor } from '../actions/registry';
import { shortcutMatches } from '../actions/shortcut';
import type { ExtensionAction } from '../actions/types';
import { t } from '../lib/i18n';
import { useBrowserCommands } from '../shortcuts/useBrowserCommands';

interface Props {
  /** The panel's quick actions (from the assistant catalog); those that fit the page are shown. */
  all: readonly ExtensionAction[];
  page: PageContext | undefined;
  busy: boolean;
  notice: string | undefined;
  onRun: (action: ExtensionAction, page: PageContext) => void;
  onDismissNotice: () => void;
}

/** One-click actions that fit the page beside the panel; their shortcuts also work while the panel has focus. */
export function QuickActions({ all, page, busy, notice, onRun, onDismissNotice }: Props) {
  const actions = useMemo(() => actionsFor(all, page), [all, page]);
  // Only keys Chrome really assigned: a suggested key it dropped, or one the person cleared, is never advertised.
  const { keys } = useBrowserCommands();

  useEffect(() => {
    if (!page || busy) return;
    const onKey = (event: KeyboardEvent) => {
      const action = actions.find((candidate) => {
        const key = keys.get(candidate.id);
        return key !== undefined && shortcutMatches(key, event);
      });
      if (!action) return;
      event.preventDefault();
      onRun(action, page);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, keys, page, busy, onRun]);

  if (actions.length === 0 && !notice) return null;
  return (
    <div className="quick-actions">
      {actions.length > 0 && page && (
        <div className="quick-actions__list" role="toolbar" aria-label={t('actions.toolbar')}>
          {actions.map((action) => (
            <button
              key={action.id}
              type="button"
              className="quick-action"
              data-action={action.id}
              disabled={busy}
              onClick={() => onRun(action, page)}
              title={keys.has(action.id) ? `${action.label} (${keys.get(action.id)})` : action.label}
            >
              <span aria-hidden="true">{action.icon}</span> {action.label}
            </button>
          ))}
        </div>
      )}
      {notice && (
        <div className="notice quick-actions__notice" role="status" data-testid="action-notice">
          <span>{notice}</span>
          <button type="button" className="icon-button" onClick={onDismissNotice} aria-label={t('actions.dismiss')}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
