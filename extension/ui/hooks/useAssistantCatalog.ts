import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { type AssistantCatalog, catalogLanguageOf } from '../../../shared/assistants';
import { cachedCatalogItem, fetchCatalog } from '../../assistants/catalog-api';
import { authStateItem } from '../../auth/token-store';
import { currentWorkerUrl, tokenSetting, workerUrlSetting } from '../../lib/settings';
import { useStoredValue } from './useStoredValue';

export type CatalogState =
  | { status: 'loading'; catalog?: undefined }
  /** `stale`: shown from the session cache while the server is asked again. */
  | { status: 'ready'; catalog: AssistantCatalog; stale?: boolean }
  /** The server could not give it (offline, signed out, an old server): chat still goes to its default assistant. */
  | { status: 'failed'; catalog?: undefined };

/**
 * The assistants the person may use, from `GET /v1/assistants`. Asked again whenever who is signed in, the pasted
 * token or the server address changes (another person or server means another catalog); the session cache shows the
 * last one at once meanwhile.
 */
export function useAssistantCatalog(): CatalogState & { retry: () => void } {
  const [auth] = useStoredValue(authStateItem);
  const [token] = useStoredValue(tokenSetting);
  const [storedUrl] = useStoredValue(workerUrlSetting);
  const [state, setState] = useState<CatalogState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const who = `${auth?.account.subject ?? ''}|${auth?.status ?? ''}|${token ? token.length : 0}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a sign-in, a token or an address change asks again.
  useEffect(() => {
    const controller = new AbortController();
    let live = true;
    (async () => {
      const workerUrl = await currentWorkerUrl();
      const language = catalogLanguageOf(browser.i18n.getUILanguage());
      const key = `${workerUrl}|${who}|${language}`;
      const cached = await cachedCatalogItem.getValue();
      if (!live) return;
      if (cached?.key === key) setState({ status: 'ready', catalog: cached.catalog, stale: true });
      else setState({ status: 'loading' });
      try {
        const catalog = await fetchCatalog(
          workerUrl,
          language,
          AbortSignal.any([controller.signal, AbortSignal.timeout(10_000)]),
        );
        if (!live) return;
        setState({ status: 'ready', catalog });
        await cachedCatalogItem.setValue({ key, catalog });
      } catch (error) {
        if (!live) return;
        console.warn('[beside] the assistant catalog could not be loaded', String(error));
        // A cached catalog stays usable when the server is briefly unreachable; without one, say so.
        if (cached?.key !== key) setState({ status: 'failed' });
      }
    })();
    return () => {
      live = false;
      controller.abort();
    };
  }, [who, storedUrl, attempt]);

  return { ...state, retry: useCallback(() => setAttempt((count) => count + 1), []) };
}
