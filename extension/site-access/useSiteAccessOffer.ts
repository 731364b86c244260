import { useCallback, useEffect, useMemo, useState } from 'react';
import { storage } from 'wxt/utils/storage';
import { askToReadSite, isSiteGranted, watchGrants } from './grants';
import { knownSiteOf, type Site } from './site-pattern';

/** Sites the person answered "Not now" for: not offered again until the browser restarts. */
const notNowSites = storage.defineItem<string[]>('session:siteAccessNotNow', { fallback: [] });

export type SiteAccessOffer =
  | { status: 'none' }
  | { status: 'offer'; site: Site; allow: () => void; notNow: () => void }
  /** Just granted from the panel: a one-line confirmation the person can dismiss. */
  | { status: 'granted'; site: Site; dismiss: () => void };

/**
 * Whether to offer "Always let Beside read <site>" for the page the panel just read. Only on a known site (the
 * manifest's optional host permissions), only when Chrome has no standing grant for it, and only after the page was
 * read — a page the organisation forbids is never read, so it is never offered.
 */
export function useSiteAccessOffer(pageUrl: string | undefined): SiteAccessOffer {
  const site = useMemo(() => (pageUrl ? knownSiteOf(pageUrl) : undefined), [pageUrl]);
  const [granted, setGranted] = useState<boolean | undefined>(undefined);
  const [notNow, setNotNow] = useState<readonly string[]>([]);
  const [justGranted, setJustGranted] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!site) return;
    let active = true;
    const check = () => {
      isSiteGranted(site)
        .then((value) => active && setGranted(value))
        .catch(() => active && setGranted(undefined));
    };
    setGranted(undefined);
    check();
    const unwatch = watchGrants(check);
    return () => {
      active = false;
      unwatch();
    };
  }, [site]);

  useEffect(() => {
    notNowSites.getValue().then(setNotNow, () => {});
    return notNowSites.watch((next) => setNotNow(next ?? []));
  }, []);

  const allow = useCallback(() => {
    if (!site) return;
    // No await before the request: Chrome shows its prompt only while the click's gesture lasts.
    askToReadSite(site).then(
      (yes) => {
        if (yes) setJustGranted(site.host);
      },
      (error: unknown) => console.warn('[beside] could not ask for site access', String(error)),
    );
  }, [site]);

  const declineForNow = useCallback(() => {
    if (!site) return;
    notNowSites
      .getValue()
      .then((hosts) => notNowSites.setValue([...new Set([...hosts, site.host])]))
      .catch(() => setNotNow((hosts) => [...hosts, site.host]));
  }, [site]);

  if (!site) return { status: 'none' };
  if (justGranted === site.host && granted) {
    return { status: 'granted', site, dismiss: () => setJustGranted(undefined) };
  }
  if (granted !== false || notNow.includes(site.host)) return { status: 'none' };
  return { status: 'offer', site, allow, notNow: declineForNow };
}
