import { t } from '../lib/i18n';
import './feedback.css';

/** Under an answer (or draft) the person stopped: what is above is all there is, not a finished answer. */
export function StoppedNote({ draft = false }: { draft?: boolean }) {
  return (
    <p className="stopped-note" data-testid="stopped">
      {draft ? t('panel.stoppedDraft') : t('panel.stopped')}
    </p>
  );
}
