import { browser } from 'wxt/browser';
import { type Site, siteOfGrant } from './site-pattern';

/**
 * The person's standing grants for known sites (Chrome's optional host permissions). Chrome keeps them; Beside only
 * asks, lists and removes, so what the options page shows is exactly what Chrome will let it read.
 */

export async function isSiteGranted(site: Site): Promise<boolean> {
  return browser.permissions.contains({ origins: [site.pattern] });
}

/**
 * Asks Chrome to let Beside read this one site. Call it straight from the click, before any `await`: Chrome only
 * shows its prompt while the click's user gesture lasts. Resolves false when the person declines.
 */
export function askToReadSite(site: Site): Promise<boolean> {
  return browser.permissions.request({ origins: [site.pattern] });
}

/** The single sites granted, in the order Chrome lists them (never the manifest's wildcards nor a test's host). */
export async function grantedSites(): Promise<Site[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.map((origin) => siteOfGrant(origin)).filter((site): site is Site => site !== undefined);
}

export async function forgetSite(site: Site): Promise<boolean> {
  return browser.permissions.remove({ origins: [site.pattern] });
}

/** Calls back whenever a grant is added or removed, here or in Chrome's own settings. */
export function watchGrants(onChange: () => void): () => void {
  const listener = () => onChange();
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
  return () => {
    browser.permissions.onAdded.removeListener(listener);
    browser.permissions.onRemoved.removeListener(listener);
  };
}
