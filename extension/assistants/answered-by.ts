import { AnswerMetadata } from '../../shared/answer-metadata';

export interface AnsweredByLabel {
  assistant?: string;
  model?: string;
}

/**
 * Who answered, read from an answer's message metadata: as streamed (`assistant` {id, name}, `modelAlias`, and
 * `answeredBy`, the model that actually wrote it after any fallback) or as stored with a conversation (`assistant`
 * as an id, `model` as the model id). `nameOf` names an assistant id from the catalog (in the panel's language); an id the catalog no
 * longer has (a deleted assistant) shows as is. Everything here is server text, rendered as text only.
 */
export function answeredByOf(metadata: unknown, nameOf: (id: string) => string | undefined): AnsweredByLabel {
  const parsed = AnswerMetadata.safeParse(metadata);
  const raw = (metadata ?? {}) as Record<string, unknown>;
  const streamed = parsed.success ? parsed.data : undefined;
  const storedAssistant = typeof raw.assistant === 'string' ? raw.assistant : undefined;
  // The catalog's name first: it is in the panel's language (the stream's is the English one of a built-in).
  const streamedName = streamed?.assistant && (nameOf(streamed.assistant.id) ?? streamed.assistant.name);
  const assistant = streamedName ?? (storedAssistant && (nameOf(storedAssistant) ?? storedAssistant));
  const alias = streamed?.modelAlias ?? streamed?.answeredBy?.alias;
  const model = streamed?.answeredBy?.model ?? (typeof raw.model === 'string' ? raw.model : undefined);
  const label = alias && model && alias !== model ? `${alias} (${model})` : (model ?? alias);
  return {
    ...(assistant ? { assistant: assistant.slice(0, 80) } : {}),
    ...(label ? { model: label.slice(0, 120) } : {}),
  };
}
