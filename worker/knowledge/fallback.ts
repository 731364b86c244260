import { createUIMessageStream, type UIMessage, type UIMessageChunk } from 'ai';
import { NO_AI_ANSWER_LABEL } from '../../shared/knowledge';
import { uiStreamResponse } from '../http/ui-stream';
import type { RetrievedSource } from './citations';

const EXCERPT_CHARS = 500;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_CHARS) return flat;
  const cut = flat.lastIndexOf(' ', EXCERPT_CHARS);
  return `${flat.slice(0, cut > EXCERPT_CHARS / 2 ? cut : EXCERPT_CHARS)}…`;
}

/** Markdown of the best passages, cited like an AI answer would be, under an unmistakable label. */
export function fallbackText(sources: RetrievedSource[], note?: string): string {
  const lines = [`**${NO_AI_ANSWER_LABEL}**`, ''];
  for (const source of sources) {
    const where = source.heading ? `${source.title} › ${source.heading}` : source.title;
    lines.push(`[${source.label}] **${where}** — ${excerpt(source.text)}`, '');
  }
  if (note) lines.push(`_${note}_`);
  return lines.join('\n').trim();
}

export function textChunks(text: string, id = 'knowledge-fallback'): UIMessageChunk[] {
  return [
    { type: 'text-start', id },
    { type: 'text-delta', id, delta: text },
    { type: 'text-end', id },
  ];
}

/** A complete answer without a model: the sources, then the passages as text. */
export function fallbackResponse(options: {
  prelude: UIMessageChunk[];
  text: string;
  originalMessages?: UIMessage[];
}): Response {
  const stream = createUIMessageStream({
    ...(options.originalMessages ? { originalMessages: options.originalMessages } : {}),
    execute: ({ writer }) => {
      writer.write({ type: 'start' });
      for (const chunk of options.prelude) writer.write(chunk);
      for (const chunk of textChunks(options.text)) writer.write(chunk);
      writer.write({ type: 'finish' });
    },
  });
  return uiStreamResponse(stream);
}
