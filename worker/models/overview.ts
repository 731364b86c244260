import type { HealthDetails } from '../../shared/health';
import type { ModelsConfig } from './settings';

/** Aliases with their chains and the embedding model, for administrators: names and ids only, never keys. */
export function modelsOverview(models: ModelsConfig): HealthDetails['models'] {
  const entry = ({ provider, type, model }: { provider: string; type: string; model: string }) => ({
    provider,
    type,
    model,
  });
  return {
    aliases: Object.fromEntries(Object.entries(models.aliases).map(([alias, chain]) => [alias, chain.map(entry)])),
    embedding: models.embedding ? entry(models.embedding) : null,
  };
}

/** The provider types in use, e.g. "anthropic, openai-compatible"; "none" without any. */
export function providerTypes(models: ModelsConfig): string {
  const used = [...new Set(Object.values(models.providers).map((provider) => provider.type))].sort();
  return used.length ? used.join(', ') : 'none';
}
