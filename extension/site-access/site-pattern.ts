import { KNOWN_SITE_PATTERNS } from './known-sites';

/** One known site, as the panel offers it: the host people read, and the permission pattern for exactly that host. */
export interface Site {
  host: string;
  /** `https://acme.lightning.force.com/*`: one origin, never the wildcard the manifest declares. */
  pattern: string;
}

function hostMatches(host: string, patternHost: string): boolean {
  if (!patternHost.startsWith('*.')) return host === patternHost;
  const parent = patternHost.slice(2);
  return host === parent || host.endsWith(`.${parent}`);
}

/** The host part of a match pattern such as `https://*.zendesk.com/*`. */
function patternHost(pattern: string): { scheme: string; host: string } | undefined {
  const match = /^(https?):\/\/([^/]+)\/\*$/.exec(pattern);
  return match ? { scheme: match[1]!, host: match[2]!.toLowerCase() } : undefined;
}

/**
 * The site a page belongs to when it is one Beside may be granted (`KNOWN_SITE_PATTERNS`); undefined for any other
 * page, for an address with credentials or a port (the grant would not cover it), and for anything not https.
 */
export function knownSiteOf(pageUrl: string, patterns: readonly string[] = KNOWN_SITE_PATTERNS): Site | undefined {
  const url = URL.parse(pageUrl);
  if (!url || url.username || url.password || url.port) return undefined;
  const scheme = url.protocol.replace(/:$/, '');
  // "acme.zendesk.com." names the same site; the grant is for the name without the dot.
  const host = url.hostname.toLowerCase().replace(/\.+$/, '');
  const known = patterns.some((pattern) => {
    const parts = patternHost(pattern);
    return parts?.scheme === scheme && hostMatches(host, parts.host);
  });
  return known ? { host, pattern: `${scheme}://${host}/*` } : undefined;
}

/**
 * The host of a granted origin (`https://acme.zendesk.com/*` → `acme.zendesk.com`) when it is a single known site;
 * undefined for the manifest's own wildcards and for hosts outside the known sites.
 */
export function siteOfGrant(origin: string, patterns: readonly string[] = KNOWN_SITE_PATTERNS): Site | undefined {
  const parts = patternHost(origin);
  if (!parts || parts.host.includes('*')) return undefined;
  const site = knownSiteOf(`${parts.scheme}://${parts.host}/`, patterns);
  return site && site.pattern === origin ? site : undefined;
}
