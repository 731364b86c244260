import type { UIMessage } from 'ai';
import { t } from '../lib/i18n';
import './feedback.css';

/** What the panel keeps beside a question it sent, never sent back to the server (the page travels in `page`). */
export interface QuestionMetadata {
  /** The text a "Summarize selection" was asked about, shown folded under the request. */
  selection?: string;
}

function selectionOf(message: UIMessage): string | undefined {
  const metadata = message.metadata as QuestionMetadata | undefined;
  return typeof metadata?.selection === 'string' && metadata.selection.trim() ? metadata.selection : undefined;
}

const wordCount = (text: string) => text.trim().split(/\s+/).length;

/** The person's side: their words, and for a summary of a selection, the selected text (folded, opens on a click). */
export function UserMessage({ message, text }: { message: UIMessage; text: string }) {
  const selection = selectionOf(message);
  return (
    <>
      <p>{text}</p>
      {selection && (
        <details className="selection-quote" data-testid="selection-quote">
          <summary>
            {t('panel.selectionQuote', { words: wordCount(selection).toLocaleString(globalThis.navigator?.language) })}
          </summary>
          <blockquote>{selection}</blockquote>
        </details>
      )}
    </>
  );
}
