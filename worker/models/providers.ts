import { createAnthropic } from '@ai-sdk/anthropic';
import { createAzure } from '@ai-sdk/azure';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createMistral } from '@ai-sdk/mistral';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { EmbeddingModelV4, LanguageModelV4 } from '@ai-sdk/provider';
import type { ProviderSettings, ProviderType } from './settings';

/** What the worker needs of a provider: chat models, and embedding models where the API has them. */
export interface ProviderModels {
  language(modelId: string): LanguageModelV4;
  embedding?(modelId: string): EmbeddingModelV4;
}

type Configured = ProviderSettings & { apiKey: string | undefined };
type Factory = (name: string, settings: Configured) => ProviderModels;

/**
 * One entry per provider type, each the real AI SDK provider. Settings are always passed explicitly: the
 * providers' own fallbacks read `process.env`, which a worker does not have (and must not consult).
 * OpenAI and Azure use chat completions (`.chat()`), which OpenAI-compatible gateways implement too.
 */
const factories: Record<ProviderType, Factory> = {
  openai: (_name, { apiKey, baseURL }) => {
    const provider = createOpenAI({ apiKey: apiKey ?? 'not-needed', ...(baseURL ? { baseURL } : {}) });
    return { language: (id) => provider.chat(id), embedding: (id) => provider.embeddingModel(id) };
  },
  'openai-compatible': (name, settings) => {
    const provider = createOpenAICompatible({
      name,
      baseURL: settings.baseURL ?? '',
      ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
      includeUsage: true,
    });
    return { language: (id) => provider.chatModel(id), embedding: (id) => provider.embeddingModel(id) };
  },
  anthropic: (_name, { apiKey, baseURL }) => {
    const provider = createAnthropic({ apiKey: apiKey ?? '', ...(baseURL ? { baseURL } : {}) });
    return { language: (id) => provider.languageModel(id) };
  },
  google: (_name, { apiKey, baseURL }) => {
    const provider = createGoogleGenerativeAI({ apiKey: apiKey ?? '', ...(baseURL ? { baseURL } : {}) });
    return { language: (id) => provider.chat(id), embedding: (id) => provider.embeddingModel(id) };
  },
  mistral: (_name, { apiKey, baseURL }) => {
    const provider = createMistral({ apiKey: apiKey ?? '', ...(baseURL ? { baseURL } : {}) });
    return { language: (id) => provider.chat(id), embedding: (id) => provider.embeddingModel(id) };
  },
  azure: (_name, settings) => {
    if (settings.type !== 'azure') throw new TypeError('azure settings expected');
    const provider = createAzure({
      apiKey: settings.apiKey ?? '',
      ...(settings.baseURL ? { baseURL: settings.baseURL } : { resourceName: settings.resourceName ?? '' }),
      ...(settings.apiVersion ? { apiVersion: settings.apiVersion } : {}),
      ...(settings.useDeploymentBasedUrls ? { useDeploymentBasedUrls: true } : {}),
    });
    return { language: (id) => provider.chat(id), embedding: (id) => provider.embeddingModel(id) };
  },
};

export function createProvider(name: string, settings: Configured): ProviderModels {
  return factories[settings.type](name, settings);
}
