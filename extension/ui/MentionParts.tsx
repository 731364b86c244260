import type { AssistantSummary } from '../../shared/assistants';
import { t } from '../lib/i18n';
import { AssistantOptions } from './AssistantOptions';
import type { useAssistantMention } from './hooks/useAssistantMention';

/** The assistants offered while `@…` is typed, above the composer. */
export function MentionPopup({ mention }: { mention: ReturnType<typeof useAssistantMention> }) {
  return (
    <div className="assistant-popover assistant-popover--mention" data-testid="mention-popup">
      <AssistantOptions
        id={mention.listId}
        label={t('assistants.mention.list')}
        assistants={mention.candidates}
        active={mention.active}
        onChoose={mention.choose}
        onActive={mention.setActive}
      />
    </div>
  );
}

/** The assistant named with `@` for this question; × (or Backspace at the start) goes back to the picked one. */
export function MentionToken({ assistant, onRemove }: { assistant: AssistantSummary; onRemove: () => void }) {
  return (
    <span className="mention-token" data-testid="mention-token" data-assistant={assistant.id}>
      <span aria-hidden="true">{assistant.icon}</span>
      <span>@{assistant.name}</span>
      <button
        type="button"
        className="mention-token__remove"
        onClick={onRemove}
        aria-label={t('assistants.mention.remove', { name: assistant.name })}
      >
        ×
      </button>
    </span>
  );
}
