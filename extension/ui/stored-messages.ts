import type { UIMessage } from 'ai';
import type { StoredMessage } from '../../shared/conversations';
import { HANDOFF_PART } from '../../shared/handoff';

/**
 * A stored message as the panel shows it: its text, its sources as the same source parts the worker streams
 * (`beside` metadata), so citations in a reopened answer are links again, and its hand-off notes as the same
 * `data-handoff` parts, before the text as they streamed before the words of the assistant that took over.
 */
export function toUIMessage(message: StoredMessage): UIMessage {
  const sources: UIMessage['parts'] = message.sources.map((source) => {
    const providerMetadata = { beside: { ...source } };
    const sourceId = `${source.kind}-${source.label}`;
    return source.url
      ? { type: 'source-url', sourceId, url: source.url, title: source.title, providerMetadata }
      : { type: 'source-document', sourceId, mediaType: 'text/markdown', title: source.title, providerMetadata };
  });
  const handoffs: UIMessage['parts'] = (message.handoffs ?? []).map((event, index) => ({
    type: HANDOFF_PART,
    id: `${message.id}-handoff-${index}`,
    data: event,
  }));
  return {
    id: message.id,
    role: message.role,
    metadata: { status: message.status, model: message.model, assistant: message.assistant },
    parts: [
      ...sources,
      ...handoffs,
      ...(message.text ? [{ type: 'text' as const, text: message.text, state: 'done' as const }] : []),
    ],
  };
}
