import { z } from 'zod';

/** `GET /v1/me/data`: everything Beside stores about the caller, one part per store (conversations, feedback…). */
export const PersonalDataExport = z.object({
  subject: z.string(),
  exportedAt: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExport>;

/** `DELETE /v1/me/data`: what was erased, store by store, as counts of rows by kind. */
export const PersonalDataErasure = z.object({
  erased: z.record(z.string(), z.record(z.string(), z.number().int().nonnegative())),
});
export type PersonalDataErasure = z.infer<typeof PersonalDataErasure>;
