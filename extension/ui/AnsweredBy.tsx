import { answeredByOf } from '../assistants/answered-by';
import { cachedCatalogItem } from '../assistants/catalog-api';
import { t } from '../lib/i18n';
import { useStoredValue } from './hooks/useStoredValue';
import './assistants.css';

/** One discreet line under an answer: the assistant and the model that wrote it (streamed, or stored in history). */
export function AnsweredBy({ metadata }: { metadata: unknown }) {
  const [cached] = useStoredValue(cachedCatalogItem);
  const { assistant, model } = answeredByOf(
    metadata,
    (id) => cached?.catalog.assistants.find((candidate) => candidate.id === id)?.name,
  );
  if (!assistant) return null;
  const text = model
    ? t('assistants.answeredBy', { assistant, model })
    : t('assistants.answeredByAssistant', { assistant });
  // Who answered is always shown whole; the model, secondary, gives way first at 360 px (the full line is the
  // tooltip).
  return (
    <p className="answered-by" data-testid="answered-by" title={text}>
      <span className="answered-by__assistant">{t('assistants.answeredByAssistant', { assistant })}</span>
      {model && <span className="answered-by__model">{` · ${model}`}</span>}
    </p>
  );
}
