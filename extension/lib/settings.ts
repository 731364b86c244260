import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_WORKER_URL, effectiveWorkerUrl, type ThemePreference } from '../policy/effective-settings';
import { type ManagedPolicy, readManagedPolicy } from '../policy/managed-policy';

export type { ThemePreference };

/** Settings live in extension storage so the panel, options page and background share them. */
export const workerUrlSetting = storage.defineItem<string>('local:workerUrl', { fallback: DEFAULT_WORKER_URL });
export const tokenSetting = storage.defineItem<string>('local:token', { fallback: '' });
export const themeSetting = storage.defineItem<ThemePreference>('local:theme', { fallback: 'system' });

export function normaliseWorkerUrl(value: string): string {
  return value.trim().replace(/\/+$/, '');
}

/** What the organisation pushed (Chrome managed storage; Firefox policies.json); no policy when there is none. */
export function managedPolicy(): Promise<ManagedPolicy> {
  const storageApi = browser.storage as unknown as { managed?: Parameters<typeof readManagedPolicy>[0] };
  return readManagedPolicy(storageApi.managed);
}

/** The server every request goes to: the organisation's when it locks it, else the person's choice, else a default. */
export async function currentWorkerUrl(): Promise<string> {
  const [person, policy] = await Promise.all([storage.getItem<string>('local:workerUrl'), managedPolicy()]);
  return normaliseWorkerUrl(effectiveWorkerUrl(person, policy).value);
}
