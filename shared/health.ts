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

export const HealthDetails = HealthResponse.extend({
  environment: z.string(),
  model: z.object({ configured: z.boolean(), chat: z.string().optional(), embedding: z.string().optional() }),
  adapters: z.record(z.string(), z.string()),
  auth: z.object({ mode: z.string(), tokenType: z.string().optional() }),
  problems: z.array(ConfigProblem),
});
export type HealthDetails = z.infer<typeof HealthDetails>;
