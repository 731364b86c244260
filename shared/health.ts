import { z } from 'zod';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  environment: z.string(),
  model: z.object({ configured: z.boolean(), chat: z.string().optional(), embedding: z.string().optional() }),
  adapters: z.record(z.string(), z.string()),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
