import type { UIMessageChunk } from 'ai';
import { AnswerMetadata } from '../../shared/answer-metadata';
import type { MessageStatus } from '../../shared/conversations';
import { HANDOFF_PART, HandoffEvent } from '../../shared/handoff';
import { type CitedSource, CitedSource as CitedSourceSchema, SearchKnowledgeOutput } from '../../shared/knowledge';

/**
 * Who answered, when the stream says so in its message metadata: `answeredBy` (shared/answer-metadata.ts, the model
 * that actually wrote the answer after any fallback), or plain `assistant` / `model` fields.
 */
function metadataOf(value: unknown): { assistant?: string; model?: string } {
  const parsed = AnswerMetadata.safeParse(value);
  if (!parsed.success) return {};
  const record = parsed.data as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string).slice(0, 200) : undefined);
  // `assistant` is the answering assistant ({ id, name, version }); after a hand-off, the one that took over.
  const assistant = parsed.data.assistant?.id.slice(0, 200) ?? text('assistant') ?? text('assistantId');
  const model = parsed.data.answeredBy?.model.slice(0, 200) ?? text('model');
  return { ...(assistant ? { assistant } : {}), ...(model ? { model } : {}) };
}

/**
 * What an answer has said so far, read from its UI-message parts exactly as the panel reads them: the text of
 * each text part (in order, a blank line between parts), the sources it was sent with, its hand-off notes (source parts carrying
 * `beside` metadata and search_knowledge results), who answered, and how it ended.
 */
export class AnswerState {
  messageId: string | undefined;
  assistant: string | undefined;
  model: string | undefined;
  status: MessageStatus = 'streaming';
  readonly sources = new Map<string, CitedSource>();
  readonly handoffs: HandoffEvent[] = [];
  private parts: { id: string; text: string }[] = [];
  private stepStart = 0;

  get text(): string {
    return this.parts
      .map((part) => part.text)
      .filter((text) => text.trim())
      .join('\n\n');
  }

  /** Reads one part; true when it added text (the recorder saves periodically on text). */
  read(chunk: UIMessageChunk): boolean {
    switch (chunk.type) {
      case 'start':
        if (chunk.messageId) this.messageId = chunk.messageId;
        this.meta(chunk.messageMetadata);
        return false;
      case 'message-metadata':
        this.meta(chunk.messageMetadata);
        return false;
      case 'start-step':
        this.stepStart = this.parts.length;
        return false;
      case 'reset-step':
        this.parts = this.parts.slice(0, this.stepStart);
        return false;
      case 'text-start':
        this.parts.push({ id: chunk.id, text: '' });
        return false;
      case 'text-delta': {
        const part = this.parts.findLast((candidate) => candidate.id === chunk.id);
        if (part) part.text += chunk.delta;
        else this.parts.push({ id: chunk.id, text: chunk.delta });
        return true;
      }
      case 'source-url':
      case 'source-document':
        this.addSource(chunk.providerMetadata?.beside);
        return false;
      case 'tool-output-available': {
        const output = SearchKnowledgeOutput.safeParse(chunk.output);
        if (output.success) for (const passage of output.data.passages) this.addSource(passage);
        return false;
      }
      case HANDOFF_PART: {
        const event = HandoffEvent.safeParse(chunk.data);
        if (event.success) this.handoffs.push(event.data);
        return false;
      }
      case 'error':
        this.status = 'failed';
        return false;
      case 'abort':
        if (this.status === 'streaming') this.status = 'stopped';
        return false;
      case 'finish':
        this.meta(chunk.messageMetadata);
        if (this.status === 'streaming') this.status = 'complete';
        return false;
      default:
        return false;
    }
  }

  private meta(value: unknown) {
    const { assistant, model } = metadataOf(value);
    if (assistant) this.assistant = assistant;
    if (model) this.model = model;
  }

  private addSource(value: unknown) {
    const parsed = CitedSourceSchema.safeParse(value);
    if (parsed.success) this.sources.set(parsed.data.label, parsed.data);
  }
}
