import type { UIMessage } from 'ai';
import { HANDOFF_PART, HandoffEvent } from '../../shared/handoff';
import { cachedCatalogItem } from '../assistants/catalog-api';
import { t } from '../lib/i18n';
import { useStoredValue } from './hooks/useStoredValue';
import './handoff.css';

/** The worker's `data-handoff` parts on an answer, in the order they happened (shared/handoff.ts). */
export function handoffEventsOf(message: UIMessage): HandoffEvent[] {
  return message.parts.flatMap((part) => {
    if (part.type !== HANDOFF_PART) return [];
    const parsed = HandoffEvent.safeParse('data' in part ? part.data : undefined);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Says, above an answer, that the assistant asked first handed the question on ("Handed to Support Investigator:
 * no policy covers …"), or that a person must look at it. The reason is the model's note: plain text, never HTML.
 */
export function HandoffNotes({ message }: { message: UIMessage }) {
  const events = handoffEventsOf(message);
  const [cached] = useStoredValue(cachedCatalogItem);
  // The catalog names the assistant in the panel's language; the event carries its English name.
  const nameOf = (to: HandoffEvent['to']) =>
    (to && cached?.catalog.assistants.find((assistant) => assistant.id === to.id)?.name) ?? to?.name ?? '';
  if (events.length === 0) return null;
  return (
    <div className="handoff-notes">
      {events.map((event, index) => {
        const confidence = t('panel.handoff.confidence', { percent: String(Math.round(event.confidence * 100)) });
        const human = event.outcome === 'needs-human';
        return (
          <p
            // biome-ignore lint/suspicious/noArrayIndexKey: the events of one answer only grow, in order
            key={index}
            className={`handoff-note handoff-note--${human ? 'human' : 'handed'}`}
            data-testid={human ? 'needs-human' : 'handoff-note'}
            title={confidence}
          >
            <span className="handoff-note__icon" aria-hidden="true">
              {human ? '!' : '→'}
            </span>
            <span>
              {human
                ? t('panel.handoff.needsHuman', { reason: event.reason })
                : t('panel.handoff.handedTo', { assistant: nameOf(event.to), reason: event.reason })}
            </span>
          </p>
        );
      })}
    </div>
  );
}
