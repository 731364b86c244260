import type { EmbeddingModelV4 } from '@ai-sdk/provider';
import { type Config, readConfig } from '../config';
import type { Env } from '../env';
import type { ChainModel } from './fallback-model';
import { createProvider, type ProviderModels } from './providers';
import { DEFAULT_ALIAS, type ModelRef } from './settings';

/** An alias ready to call: its fallback chain, first model first. */
export interface ResolvedAlias {
  alias: string;
  chain: ChainModel[];
}

interface Catalog {
  aliases: Map<string, ResolvedAlias>;
  embedding: { ref: ModelRef; model: EmbeddingModelV4 } | undefined;
}

const catalogs = new WeakMap<Config, Catalog>();

/**
 * The providers and models of a configuration, built once per parsed config (so once per isolate in
 * production): a request only looks an alias up, it never parses MODELS or creates a provider.
 */
function catalogFor(config: Config): Catalog {
  const cached = catalogs.get(config);
  if (cached) return cached;
  const providers = new Map<string, ProviderModels>();
  const provider = (name: string) => {
    let built = providers.get(name);
    if (!built) {
      built = createProvider(name, config.models.providers[name]!);
      providers.set(name, built);
    }
    return built;
  };
  const aliases = new Map<string, ResolvedAlias>();
  for (const [alias, refs] of Object.entries(config.models.aliases)) {
    if (refs.length === 0) continue;
    aliases.set(alias, {
      alias,
      chain: refs.map((ref) => ({ ref, model: provider(ref.provider).language(ref.model) })),
    });
  }
  const ref = config.models.embedding;
  const embed = ref ? provider(ref.provider).embedding : undefined;
  const catalog: Catalog = { aliases, embedding: ref && embed ? { ref, model: embed(ref.model) } : undefined };
  catalogs.set(config, catalog);
  return catalog;
}

/** The fallback chain behind an alias from a parsed configuration; undefined when no such alias is configured. */
export function aliasFromConfig(config: Config, alias: string = DEFAULT_ALIAS): ResolvedAlias | undefined {
  return catalogFor(config).aliases.get(alias);
}

/**
 * The fallback chain behind an alias (`default`, `smart`…). Assistants name an alias, never a provider's model
 * id, so switching models is editing MODELS. Undefined when the alias is not configured.
 */
export function resolveAlias(env: Env, alias: string = DEFAULT_ALIAS): ResolvedAlias | undefined {
  return aliasFromConfig(readConfig(env), alias);
}

/** Every configured alias name (e.g. to check an assistant's `model` when it is saved). */
export function aliasNames(config: Config): string[] {
  return [...catalogFor(config).aliases.keys()];
}

/** The embedding model (MODELS.embedding, or the OPENAI_* shortcut's EMBEDDING_MODEL). */
export function embeddingModelFor(config: Config): { ref: ModelRef; model: EmbeddingModelV4 } | undefined {
  return catalogFor(config).embedding;
}
