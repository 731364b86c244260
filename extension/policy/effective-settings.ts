import type { ManagedPolicy } from './managed-policy';

export type ThemePreference = 'system' | 'light' | 'dark';

/** Where a setting's value comes from: the organisation's policy (locked or as a default), the person, or Beside. */
export interface Effective<T> {
  value: T;
  /** The organisation fixed it: the options page shows it read-only, "Managed by your organisation". */
  locked: boolean;
}

export const DEFAULT_WORKER_URL = 'http://127.0.0.1:8787';

/** A locked policy value wins; then what the person chose; then the policy's default; then Beside's. */
function resolve<T>(person: T | null | undefined, policy: T | undefined, locked: boolean, fallback: T): Effective<T> {
  if (locked && policy !== undefined) return { value: policy, locked: true };
  return { value: person ?? policy ?? fallback, locked: false };
}

export function effectiveWorkerUrl(person: string | null, policy: ManagedPolicy): Effective<string> {
  return resolve(person || null, policy.serverUrl, policy.locked.has('serverUrl'), DEFAULT_WORKER_URL);
}

export function effectiveTheme(person: ThemePreference | null, policy: ManagedPolicy): Effective<ThemePreference> {
  return resolve(person, policy.defaultTheme, policy.locked.has('theme'), 'system');
}

export function effectiveLanguage(person: string | undefined, policy: ManagedPolicy): Effective<string | undefined> {
  return resolve(person, policy.defaultLanguage, policy.locked.has('language'), undefined);
}

/** The server's blocklist and the organisation's, together: a page either one blocks is not read. */
export function captureBlocklist(server: readonly string[], policy: ManagedPolicy): string[] {
  return [...new Set([...server, ...policy.captureBlocklist])];
}
