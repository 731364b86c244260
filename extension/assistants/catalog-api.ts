import { storage } from 'wxt/utils/storage';
import { AssistantCatalog, type CatalogLanguage } from '../../shared/assistants';
import { checkServerUrl } from '../../shared/server-url';
import { authorizationHeader } from '../auth/client';
import { InsecureServerError } from '../lib/errors';

/** The server refused the catalog (401 signed out, 5xx…): the panel says so and chat still works with General. */
export class CatalogRequestError extends Error {
  constructor(readonly status: number) {
    super(`The server answered ${status}.`);
    this.name = 'CatalogRequestError';
  }
}

/**
 * The last catalog each person got from each server, kept for the browser session (memory, never disk): a reopened
 * panel shows its picker at once while the catalog is asked again. Keyed by server, account and language, so another
 * person's (or another server's) assistants, or another language's names, are never shown.
 */
export interface CachedCatalog {
  key: string;
  catalog: AssistantCatalog;
}
export const cachedCatalogItem = storage.defineItem<CachedCatalog | null>('session:assistants.catalog', {
  fallback: null,
});

/**
 * `GET /v1/assistants?lang=`: the assistants the caller may use, the built-ins named in the panel's `language`, with
 * the same server check and sign-in as the chat.
 */
export async function fetchCatalog(
  workerUrl: string,
  language: CatalogLanguage,
  signal?: AbortSignal,
): Promise<AssistantCatalog> {
  const checked = checkServerUrl(workerUrl);
  if (!checked.ok) throw new InsecureServerError(checked.message);
  const response = await fetch(`${workerUrl}/v1/assistants?lang=${language}`, {
    headers: await authorizationHeader(),
    signal: signal ?? AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new CatalogRequestError(response.status);
  return AssistantCatalog.parse(await response.json());
}
