import type { EmbeddingModelV4, LanguageModelV4 } from '@ai-sdk/provider';
import type { Config } from '../config';
import { aliasFromConfig, embeddingModelFor } from './catalog';
import { fallbackModel } from './fallback-model';

export interface Models {
  chat: LanguageModelV4;
  embedding: EmbeddingModelV4 | undefined;
}

/**
 * The `default` alias (with its fallback chain) and the embedding model; undefined when no chat model is
 * configured. Models come from configuration, never from the request.
 */
export function modelsFor(config: Config): Models | undefined {
  const resolved = aliasFromConfig(config);
  if (!resolved) return undefined;
  return {
    chat: fallbackModel({
      alias: resolved.alias,
      chain: resolved.chain,
      firstTokenTimeoutMs: config.model.firstTokenTimeoutMs,
    }),
    embedding: embeddingModelFor(config)?.model,
  };
}
