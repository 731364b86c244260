import type { UIMessage } from 'ai';
import type { StoredMessage } from '../../shared/conversations';

/**
 * A stored message as the panel shows it: its text, and its sources as the same source parts the worker streams
 * (`beside` metadata), so citations in a reopened answer are links again.
 */
export function toUIMessage(message: StoredMessage): UIMessage {
  const sources: UIMessage['parts'] = message.sources.map((source) => {
    const providerMetadata = { beside: { ...source } };
    const sourceId = `${source.kind}-${source.label}`;
    return source.url
      ? { type: 'source-url', sourceId, url: source.url, title: source.title, providerMetadata }
      : { type: 'source-document', sourceId, mediaType: 'text/markdown', title: source.title, providerMetadata };
  });
  return {
    id: message.id,
    role: message.role,
    metadata: { status: message.status, model: message.model, assistant: message.assistant },
    parts: [
      ...sources,
      ...(message.text ? [{ type: 'text' as const, text: message.text, state: 'done' as const }] : []),
    ],
  };
}
