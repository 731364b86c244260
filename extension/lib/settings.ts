import { storage } from 'wxt/utils/storage';

export type ThemePreference = 'system' | 'light' | 'dark';

/** Settings live in extension storage so the panel, options page and background share them. */
export const workerUrlSetting = storage.defineItem<string>('local:workerUrl', { fallback: 'http://127.0.0.1:8787' });
export const tokenSetting = storage.defineItem<string>('local:token', { fallback: '' });
export const themeSetting = storage.defineItem<ThemePreference>('local:theme', { fallback: 'system' });

export function normaliseWorkerUrl(value: string): string {
  return value.trim().replace(/\/+$/, '');
}
