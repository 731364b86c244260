import { createOpenAI } from '@ai-sdk/openai';
import type { EmbeddingModel, LanguageModel } from 'ai';
import type { Config } from '../config';

export interface Models {
  chat: LanguageModel;
  embedding: EmbeddingModel;
}

const cache = new WeakMap<Config, Models>();

/**
 * Models come from configuration, never from the request. `.chat()` speaks /v1/chat/completions,
 * which every OpenAI-compatible server (Azure, AI Gateway, Ollama, vLLM) implements; the default
 * `openai(id)` would call the Responses API that most of them lack.
 */
export function modelsFor(config: Config): Models | undefined {
  if (!config.model.configured) return undefined;
  const cached = cache.get(config);
  if (cached) return cached;
  const provider = createOpenAI({
    // Local OpenAI-compatible servers often need no key; the header must still be well-formed.
    apiKey: config.model.apiKey ?? 'not-needed',
    ...(config.model.baseURL ? { baseURL: config.model.baseURL } : {}),
  });
  const models = {
    chat: provider.chat(config.model.chatModel),
    embedding: provider.embeddingModel(config.model.embeddingModel),
  };
  cache.set(config, models);
  return models;
}
