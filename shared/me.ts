import { z } from 'zod';

/** `GET /v1/me`: who the server thinks is signed in, and what they may read. */
export const MeResponse = z.object({
  subject: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
  groups: z.array(z.string()),
  /** Knowledge spaces this person can read, sorted. */
  spaces: z.array(z.string()),
  /** Administers knowledge (ADMIN_GROUPS; the dev token in development). */
  admin: z.boolean(),
});
export type MeResponse = z.infer<typeof MeResponse>;
