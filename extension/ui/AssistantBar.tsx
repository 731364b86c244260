import { t } from '../lib/i18n';
import { AssistantPicker } from './AssistantPicker';
import type { CatalogState } from './hooks/useAssistantCatalog';
import type { AssistantChoice } from './hooks/useAssistantChoice';

interface Props {
  catalog: CatalogState & { retry: () => void };
  choice: AssistantChoice;
}

/**
 * Above the composer, where the eye is when typing: who answers (the picker), the assistant that fits the page as a
 * one-click suggestion, or why the list of assistants is missing.
 */
export function AssistantBar({ catalog, choice }: Props) {
  if (catalog.status === 'failed') {
    return (
      <div className="assistant-bar assistant-bar--failed" role="status" data-testid="assistants-unavailable">
        <span>{t('assistants.unavailable')}</span>
        <button type="button" className="link-button" onClick={catalog.retry}>
          {t('assistants.retry')}
        </button>
      </div>
    );
  }
  const { current, suggestion } = choice;
  if (!current) return null;
  return (
    <div className="assistant-bar">
      <AssistantPicker assistants={choice.assistants} current={current} onPick={choice.pick} />
      {suggestion && (
        <div className="assistant-suggestion" role="status" data-testid="assistant-suggestion">
          <span className="assistant-suggestion__label">{t('assistants.suggestion.label')}</span>
          <button
            type="button"
            className="assistant-suggestion__use"
            onClick={() => choice.pick(suggestion)}
            aria-label={t('assistants.suggestion.use', { name: suggestion.name })}
            title={suggestion.description}
          >
            <span aria-hidden="true">{suggestion.icon}</span> {suggestion.name}
          </button>
          <button
            type="button"
            className="icon-button assistant-suggestion__dismiss"
            onClick={choice.dismissSuggestion}
            aria-label={t('assistants.suggestion.dismiss')}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
