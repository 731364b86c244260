import { z } from 'zod';

/**
 * `GET /v1/health` (no sign-in): only whether the server is usable and which version runs. Everything else —
 * environment, models, adapters, configuration problems — is in `GET /v1/health/details`, for administrators.
 */
export const HealthStatus = z.enum(['ok', 'misconfigured']);
export type HealthStatus = z.infer<typeof HealthStatus>;

export const HealthResponse = z.object({
  status: HealthStatus,
  version: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/** A setting the server cannot use; the server answers 503 server_misconfigured until it is fixed. */
export const ConfigProblem = z.object({ setting: z.string(), message: z.string() });
export type ConfigProblem = z.infer<typeof ConfigProblem>;

/** One model of an alias's fallback chain, as an administrator sees it (never a key). */
export const ModelChainEntry = z.object({ provider: z.string(), type: z.string(), model: z.string() });
export type ModelChainEntry = z.infer<typeof ModelChainEntry>;

export const HealthDetails = HealthResponse.extend({
  environment: z.string(),
  model: z.object({ configured: z.boolean(), chat: z.string().optional(), embedding: z.string().optional() }),
  /** MODELS (and the OPENAI_* shortcut): each alias with its fallback chain, first model first. */
  models: z.object({
    aliases: z.record(z.string(), z.array(ModelChainEntry)),
    embedding: ModelChainEntry.nullable(),
  }),
  adapters: z.record(z.string(), z.string()),
  auth: z.object({ mode: z.string(), tokenType: z.string().optional() }),
  problems: z.array(ConfigProblem),
});
export type HealthDetails = z.infer<typeof HealthDetails>;
