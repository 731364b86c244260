import { z } from 'zod';
import type { ConfigProblem } from '../../shared/health';
import type { Env } from '../env';

/**
 * `MODELS`: the deployment's model providers, the aliases assistants and routes ask for, and the embedding model.
 *
 * {"providers":{"main":{"type":"openai-compatible","baseURL":"https://…/v1","apiKeyEnv":"MAIN_KEY"},
 *               "claude":{"type":"anthropic","apiKeyEnv":"ANTHROPIC_API_KEY"}},
 *  "aliases":{"default":["main:gpt-4o-mini","claude:claude-sonnet-4-5"],"smart":["claude:claude-sonnet-4-5"]},
 *  "embedding":"main:text-embedding-3-small"}
 *
 * Keys never appear in MODELS itself: `apiKeyEnv` names the secret that holds one, so the JSON can live in
 * wrangler.toml and be shown to administrators. OPENAI_* / CHAT_MODEL / EMBEDDING_MODEL stay the shortcut that
 * defines provider `openai` and alias `default` when MODELS does not.
 */
export const PROVIDER_TYPES = ['openai', 'openai-compatible', 'anthropic', 'google', 'mistral', 'azure'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

/** Provider types whose API has an embeddings endpoint the AI SDK provider implements. */
export const EMBEDDING_PROVIDER_TYPES: readonly ProviderType[] = [
  'openai',
  'openai-compatible',
  'google',
  'mistral',
  'azure',
];

const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const SECRET_NAME = /^[A-Z][A-Z0-9_]{0,127}$/;

const httpUrl = z
  .string()
  .url()
  .refine((url) => /^https?:\/\//i.test(url), 'must be an http(s) URL')
  .transform((url) => url.replace(/\/+$/, ''));

const apiKeyEnv = z.string().regex(SECRET_NAME, 'must name a secret (A-Z, 0-9 and _), e.g. "ANTHROPIC_API_KEY"');

const common = { baseURL: httpUrl.optional(), apiKeyEnv: apiKeyEnv.optional() };

const ProviderSettings = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('openai'), ...common }),
    z.strictObject({ type: z.literal('openai-compatible'), baseURL: httpUrl, apiKeyEnv: apiKeyEnv.optional() }),
    z.strictObject({ type: z.literal('anthropic'), ...common }),
    z.strictObject({ type: z.literal('google'), ...common }),
    z.strictObject({ type: z.literal('mistral'), ...common }),
    z.strictObject({
      type: z.literal('azure'),
      ...common,
      /** The Azure OpenAI resource (https://<resourceName>.openai.azure.com); or give `baseURL`. */
      resourceName: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{0,62}$/i)
        .optional(),
      apiVersion: z.string().min(1).max(40).optional(),
      /**
       * Deployment URLs (`…/openai/deployments/<deployment>/chat/completions?api-version=…`, the model id naming the
       * deployment) instead of the v1 API (`…/openai/v1/chat/completions`); needs a dated `apiVersion`.
       */
      useDeploymentBasedUrls: z.boolean().optional(),
    }),
  ],
  { error: `"type" must be one of: ${PROVIDER_TYPES.join(', ')}` },
);
export type ProviderSettings = z.infer<typeof ProviderSettings>;

/** "provider:model"; the model id may itself contain colons (e.g. "ollama:llama3.1:8b"). */
const ModelReference = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}:\S{1,200}$/, 'must be "provider:model", e.g. "main:gpt-4o-mini"');

export const ModelsSetting = z.strictObject({
  providers: z.record(z.string().regex(NAME, 'provider names use a-z, 0-9, _ and -'), ProviderSettings).default({}),
  aliases: z
    .record(z.string().regex(NAME, 'alias names use a-z, 0-9, _ and -'), z.array(ModelReference).min(1).max(8))
    .default({}),
  embedding: ModelReference.optional(),
});
export type ModelsSetting = z.infer<typeof ModelsSetting>;

/** One model of a fallback chain, as configured (no key, so it can be listed to administrators). */
export interface ModelRef {
  provider: string;
  type: ProviderType;
  model: string;
}

export interface ModelsConfig {
  providers: Record<string, ProviderSettings & { apiKey: string | undefined }>;
  /** alias → fallback chain, first model first. */
  aliases: Record<string, ModelRef[]>;
  embedding: ModelRef | undefined;
}

export const DEFAULT_ALIAS = 'default';
/** The provider the OPENAI_* shortcut defines. */
export const SHORTCUT_PROVIDER = 'openai';

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** `MODELS.aliases.default[1]` from a zod issue path, so the problem names the exact field. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : `${name}.${String(key)}`),
    'MODELS',
  );
}

function splitReference(reference: string): { provider: string; model: string } {
  const colon = reference.indexOf(':');
  return { provider: reference.slice(0, colon), model: reference.slice(colon + 1) };
}

/** Reads a secret by the name MODELS gives; only strings count (a binding of another kind is not a key). */
function secret(env: Env, name: string): string | undefined {
  const value = (env as unknown as Record<string, unknown>)[name];
  return typeof value === 'string' ? nonEmpty(value) : undefined;
}

/**
 * MODELS plus the OPENAI_* shortcut, checked once with the rest of the configuration. Every problem names the
 * field (`MODELS.providers.claude.apiKeyEnv`), never a secret's value; while any exists the worker answers
 * 503 server_misconfigured, like every other unusable setting.
 */
export function readModelsConfig(env: Env): { models: ModelsConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const models: ModelsConfig = { providers: {}, aliases: {}, embedding: undefined };

  let setting: ModelsSetting = { providers: {}, aliases: {} };
  const raw = nonEmpty(env.MODELS);
  if (raw) {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      problems.push({ setting: 'MODELS', message: 'MODELS is not valid JSON.' });
    }
    if (json !== undefined) {
      const parsed = ModelsSetting.safeParse(json);
      if (parsed.success) setting = parsed.data;
      else
        for (const issue of parsed.error.issues.slice(0, 10))
          problems.push({ setting: 'MODELS', message: `${fieldName(issue.path)}: ${issue.message}` });
    }
  }

  // The shortcut: OPENAI_API_KEY or OPENAI_BASE_URL defines provider "openai" (any OpenAI-compatible server),
  // unless MODELS defines a provider of that name itself.
  const shortcutKey = nonEmpty(env.OPENAI_API_KEY);
  const shortcutURL = nonEmpty(env.OPENAI_BASE_URL)?.replace(/\/+$/, '');
  const shortcut = (shortcutKey !== undefined || shortcutURL !== undefined) && !setting.providers[SHORTCUT_PROVIDER];
  if (shortcut) {
    models.providers[SHORTCUT_PROVIDER] = {
      type: 'openai',
      ...(shortcutURL ? { baseURL: shortcutURL } : {}),
      // Local OpenAI-compatible servers often need no key; the header must still be well-formed.
      apiKey: shortcutKey ?? 'not-needed',
    };
  }

  for (const [name, provider] of Object.entries(setting.providers)) {
    const apiKey = provider.apiKeyEnv ? secret(env, provider.apiKeyEnv) : undefined;
    if (provider.apiKeyEnv && apiKey === undefined) {
      problems.push({
        setting: 'MODELS',
        message: `MODELS.providers.${name}.apiKeyEnv: the secret ${provider.apiKeyEnv} is not set.`,
      });
    }
    if (!provider.apiKeyEnv && provider.type !== 'openai-compatible') {
      problems.push({
        setting: 'MODELS',
        message: `MODELS.providers.${name}.apiKeyEnv: required for type "${provider.type}" (the name of the secret holding its key).`,
      });
    }
    if (provider.type === 'azure' && !provider.baseURL && !provider.resourceName) {
      problems.push({
        setting: 'MODELS',
        message: `MODELS.providers.${name}: azure needs "resourceName" or "baseURL".`,
      });
    }
    models.providers[name] = { ...provider, apiKey };
  }

  const reference = (field: string, value: string): ModelRef | undefined => {
    const { provider, model } = splitReference(value);
    const settings = models.providers[provider];
    if (!settings) {
      const known = Object.keys(models.providers);
      problems.push({
        setting: 'MODELS',
        message: `${field}: unknown provider "${provider}" (${known.length ? `defined: ${known.join(', ')}` : 'no provider is defined'}).`,
      });
      return undefined;
    }
    return { provider, type: settings.type, model };
  };

  for (const [alias, chain] of Object.entries(setting.aliases)) {
    models.aliases[alias] = chain
      .map((value, index) => reference(`MODELS.aliases.${alias}[${index}]`, value))
      .filter((ref): ref is ModelRef => ref !== undefined);
  }
  if (shortcut && !models.aliases[DEFAULT_ALIAS]) {
    models.aliases[DEFAULT_ALIAS] = [
      { provider: SHORTCUT_PROVIDER, type: 'openai', model: nonEmpty(env.CHAT_MODEL) ?? 'gpt-4o-mini' },
    ];
  }

  if (raw && !models.aliases[DEFAULT_ALIAS] && Object.keys(setting.aliases).length > 0) {
    problems.push({
      setting: 'MODELS',
      message: `MODELS.aliases.${DEFAULT_ALIAS}: required (chat and quick actions use it), or set OPENAI_API_KEY / OPENAI_BASE_URL.`,
    });
  }

  if (setting.embedding) {
    const embedding = reference('MODELS.embedding', setting.embedding);
    if (embedding && !EMBEDDING_PROVIDER_TYPES.includes(embedding.type)) {
      problems.push({
        setting: 'MODELS',
        message: `MODELS.embedding: provider type "${embedding.type}" has no embedding models (use one of: ${EMBEDDING_PROVIDER_TYPES.join(', ')}).`,
      });
    } else models.embedding = embedding;
  } else if (shortcut) {
    models.embedding = {
      provider: SHORTCUT_PROVIDER,
      type: 'openai',
      model: nonEmpty(env.EMBEDDING_MODEL) ?? 'text-embedding-3-small',
    };
  }

  return { models, problems };
}
