import { z } from 'zod';
import { CapturePattern } from '../../shared/config';
import { LanguageName } from '../../shared/language';
import { checkServerUrl } from '../../shared/server-url';

/**
 * What IT pushes through Chrome's managed storage (schema: public/managed-schema.json; Firefox: policies.json).
 * Each field is read on its own: one mistyped value is ignored, it does not void the rest of the policy — a broken
 * server URL must not also drop the capture blocklist.
 */
export const lockableSettings = ['serverUrl', 'theme', 'language'] as const;
export type LockableSetting = (typeof lockableSettings)[number];

export interface ManagedPolicy {
  serverUrl?: string;
  locked: ReadonlySet<LockableSetting>;
  captureBlocklist: string[];
  defaultTheme?: 'system' | 'light' | 'dark';
  defaultLanguage?: string;
}

export const NO_POLICY: ManagedPolicy = { locked: new Set(), captureBlocklist: [] };

/** The same rule as the options page: https://, or http:// only to this computer — the token goes there. */
const ServerUrl = z
  .string()
  .refine((value) => checkServerUrl(value).ok)
  .transform((value) => value.trim().replace(/\/+$/, ''));
const Theme = z.enum(['system', 'light', 'dark']);

function field<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function parseManagedPolicy(raw: unknown): ManagedPolicy {
  if (!raw || typeof raw !== 'object') return NO_POLICY;
  const values = raw as Record<string, unknown>;
  const serverUrl = field(ServerUrl, values.serverUrl);
  const defaultTheme = field(Theme, values.defaultTheme);
  const defaultLanguage = field(LanguageName, values.defaultLanguage);
  const locked = new Set(
    list(values.lockedSettings).filter((name): name is LockableSetting =>
      (lockableSettings as readonly unknown[]).includes(name),
    ),
  );
  // A lock without a value to lock to would leave the person with nothing: only lock what the policy sets.
  if (!serverUrl) locked.delete('serverUrl');
  if (!defaultTheme) locked.delete('theme');
  if (!defaultLanguage) locked.delete('language');
  const captureBlocklist = list(values.captureBlocklist)
    .map((pattern) => (typeof pattern === 'string' ? pattern.trim().toLowerCase() : pattern))
    .filter((pattern): pattern is string => CapturePattern.safeParse(pattern).success);
  return {
    locked,
    captureBlocklist,
    ...(serverUrl ? { serverUrl } : {}),
    ...(defaultTheme ? { defaultTheme } : {}),
    ...(defaultLanguage ? { defaultLanguage } : {}),
  };
}

interface ManagedArea {
  get(keys?: null): Promise<Record<string, unknown>>;
}

/**
 * Reads the managed policy. Browsers without one (no policy pushed, Firefox without policies.json, a build without
 * the schema) throw or return nothing: that is "no policy", never an error the person sees.
 */
export async function readManagedPolicy(area: ManagedArea | undefined): Promise<ManagedPolicy> {
  if (!area) return NO_POLICY;
  try {
    return parseManagedPolicy(await area.get(null));
  } catch {
    return NO_POLICY;
  }
}
