import { DEFAULT_MODEL_ALIAS } from '../../shared/assistants';
import type { Config } from '../config';
import { aliasFromConfig } from '../models/catalog';

export interface AssistantModel {
  /** The alias the answer runs on: the assistant's, or `default` when the deployment does not configure that one. */
  alias: string;
  /** The provider's model id asked first (the alias may fall back to the next one; the answer's metadata says). */
  firstModel: string | undefined;
}

/**
 * The alias an assistant runs on. An assistant names an alias (`smart`) that a deployment may not configure — the
 * OPENAI_* shortcut defines only `default` — and then answers on `default` rather than failing: the built-in
 * Investigator still works on a one-model deployment. Aliases are looked up in the models' per-config catalog (O(1)).
 */
export function modelFor(config: Config, alias: string): AssistantModel {
  const resolved = aliasFromConfig(config, alias);
  if (resolved) return { alias, firstModel: resolved.chain[0]?.ref.model };
  if (alias !== DEFAULT_MODEL_ALIAS) {
    console.warn(JSON.stringify({ event: 'model_alias_missing', alias, using: DEFAULT_MODEL_ALIAS }));
  }
  return { alias: DEFAULT_MODEL_ALIAS, firstModel: aliasFromConfig(config, DEFAULT_MODEL_ALIAS)?.chain[0]?.ref.model };
}
