import { type EmbeddingModel, embedMany, wrapEmbeddingModel } from 'ai';
import type { Config } from '../config';
import { embeddingModelFor } from '../models/catalog';
import { Redactor } from '../redaction/redact';
import type { RedactionConfig } from '../redaction/settings';

/**
 * With REDACT=pii the embedding model is a model too: questions searched and passages indexed reach it with
 * placeholders, like every prompt. Each text is redacted on its own (vectors need no stable numbering).
 */
function redactingEmbeddings(model: EmbeddingModel, redaction: RedactionConfig): EmbeddingModel {
  if (redaction.mode !== 'pii') return model;
  return wrapEmbeddingModel({
    model: model as Parameters<typeof wrapEmbeddingModel>[0]['model'],
    middleware: {
      transformParams: async ({ params }) => ({
        ...params,
        values: params.values.map((value) => new Redactor(redaction.detectors).redact(value)),
      }),
    },
  });
}

/** Texts per embedding request: well under OpenAI's 2,048 inputs and 300k tokens per request at ~1,200 chars each. */
export const EMBED_BATCH_SIZE = 96;
const PARALLEL_REQUESTS = 4;

export interface Embedder {
  /** Recorded with each document: a different model (or dimension) means its vectors must be rebuilt. */
  readonly id: string;
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>;
}

/** What documents ingested without embeddings record as their model. */
export const NO_EMBEDDINGS = 'none';

/** The configured embedding model, or undefined (keyword-only retrieval) when there is none or it is switched off. */
export function embedderFor(config: Config): Embedder | undefined {
  const embedding = embeddingModelFor(config);
  if (!embedding || !config.knowledge.embeddingsEnabled) return undefined;
  const dimensions = config.knowledge.embeddingDimensions;
  const model = redactingEmbeddings(embedding.model, config.redaction);
  return {
    // The model id alone (not its provider): moving the same model behind another gateway keeps the vectors.
    // Vectors of redacted text are another index: switching REDACT rebuilds them.
    id: `${embedding.ref.model}${dimensions ? `@${dimensions}` : ''}${config.redaction.mode === 'pii' ? '+pii' : ''}`,
    async embed(texts, signal) {
      const batches: string[][] = [];
      for (let start = 0; start < texts.length; start += EMBED_BATCH_SIZE) {
        batches.push(texts.slice(start, start + EMBED_BATCH_SIZE));
      }
      const vectors: number[][] = [];
      for (let start = 0; start < batches.length; start += PARALLEL_REQUESTS) {
        const results = await Promise.all(
          batches.slice(start, start + PARALLEL_REQUESTS).map((values) =>
            embedMany({
              model,
              values,
              maxRetries: 1,
              ...(dimensions ? { dimensions } : {}),
              ...(signal ? { abortSignal: signal } : {}),
            }),
          ),
        );
        for (const result of results) vectors.push(...result.embeddings);
      }
      return vectors;
    },
  };
}

/** What a chunk's vector represents: its document title and heading give it context the text alone lacks. */
export function embeddingInput(chunk: { title: string; heading: string; text: string }): string {
  return [chunk.title, chunk.heading, '', chunk.text].filter((part, index) => part || index === 2).join('\n');
}
