import type { PageContext } from './page-context';

/**
 * The record key: which record, ticket or page a conversation is about, so that returning to it reopens the
 * conversation. Both sides compute it from the same capture: the worker when it stores a turn, the panel when it
 * looks for the conversation of the page beside it.
 *
 * - A record or ticket an extractor identified: `<site>:<org>:<object>:<id>`, e.g.
 *   `salesforce:acme:Opportunity:0065g00000XyZab`, `zendesk:acme:ticket:4821`, `jira:acme:Issue:OPS-12`.
 *   The org is the tenant the app runs for (its subdomain, HubSpot's portal, GitHub's owner/repo), so two
 *   companies' record 4821 never share a key.
 * - Any other page: its normalised URL (lower-case host, no credentials, no fragment, no tracking parameters,
 *   parameters sorted), e.g. `https://docs.example.com/guide?id=7`.
 *
 * Every part comes from the page (written by whoever wrote the page): the key is only ever a value compared
 * within one person's own conversations, never markup or a query.
 */
export type RecordKeySource = Pick<PageContext, 'url' | 'site' | 'kind'> & {
  record?: { objectType: string; id?: string | undefined } | undefined;
  conversation?: { id?: string | undefined } | undefined;
};

/**
 * Longest key the API accepts: a page address is at most 4,096 characters (PageContext); re-encoding its query
 * can lengthen it a little, never twofold.
 */
export const RECORD_KEY_MAX_CHARS = 8_192;

/** Query parameters that say how someone arrived, not what the page is. Compared in lower case. */
const TRACKING_PARAMETERS = new Set([
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'fbclid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'hsctatracking',
  '_ga',
  '_gl',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'ref_src',
  's_cid',
]);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMETERS.has(lower);
}

/**
 * The URL as a key: the same page however it was reached. Idempotent (a normalised URL normalises to itself);
 * text that is not an absolute URL is returned trimmed, without its fragment.
 */
export function normalizeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    // Not an address: its text without fragment or outer spaces, normalised again if that made it one.
    const text = (raw.trim().split('#')[0] ?? '').trim();
    return text !== raw && URL.canParse(text) ? normalizeUrl(text) : text;
  }
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.search) {
    const kept = [...url.searchParams].filter(([name]) => !isTracking(name));
    const params = new URLSearchParams(kept);
    params.sort();
    url.search = params.toString();
  }
  // `new URL` already lower-cases the scheme and host and drops default ports; an empty `?` goes with search = ''.
  return url.href;
}

/** `:` separates the key's parts, so a part never contains one (nor a bare `%`, which escapes it). */
function part(value: string): string {
  return value.trim().replaceAll('%', '%25').replaceAll(':', '%3A');
}

function firstLabel(hostname: string): string {
  return hostname.split('.')[0] ?? hostname;
}

/** Salesforce's 18-character ids are the 15-character id plus a case checksum: both name the same record. */
function salesforceId(id: string): string {
  return /^[a-zA-Z0-9]{18}$/.test(id) ? id.slice(0, 15) : id;
}

interface SiteKey {
  family: string;
  org: (url: URL) => string | undefined;
  object?: (url: URL, source: RecordKeySource) => string | undefined;
  id?: (id: string) => string;
}

const salesforce: SiteKey = {
  family: 'salesforce',
  // acme.lightning.force.com, acme.my.salesforce.com, acme--uat.sandbox.my.salesforce.com → acme / acme--uat
  org: (url) => firstLabel(url.hostname),
  // The API name in a Lightning address (`/lightning/r/Opportunity/…`) is stable; the label on the page is translated.
  object: (url, source) => /^\/lightning\/r\/([A-Za-z0-9_]+)\//.exec(url.pathname)?.[1] ?? source.record?.objectType,
  id: salesforceId,
};

const subdomain: (family: string) => SiteKey = (family) => ({ family, org: (url) => firstLabel(url.hostname) });

/** Sites whose records have ids: how each names its tenant. Any other site with an id uses its host. */
const siteKeys: Record<string, SiteKey> = {
  'salesforce-lightning': salesforce,
  'salesforce-classic': salesforce,
  zendesk: subdomain('zendesk'),
  freshdesk: subdomain('freshdesk'),
  jira: subdomain('jira'),
  hubspot: { family: 'hubspot', org: (url) => /^\/contacts\/(\d+)\//.exec(url.pathname)?.[1] },
  github: {
    family: 'github',
    org: (url) => /^\/([^/]+\/[^/]+)\//.exec(url.pathname)?.[1]?.toLowerCase(),
    object: (url) => (/^\/[^/]+\/[^/]+\/pull\//.test(url.pathname) ? 'pull' : 'issue'),
  },
};

/** Gmail keeps the open thread in the fragment (`#inbox/FMfcgz…`); the account index (`/u/0/`) is the mailbox. */
function gmailKey(url: URL): string | undefined {
  const thread = /\/([A-Za-z0-9]{16,})$/.exec(url.hash)?.[1];
  if (!thread) return undefined;
  const mailbox = /^\/mail\/u\/(\d+)\//.exec(url.pathname)?.[1] ?? '0';
  return ['gmail', mailbox, 'thread', thread].map(part).join(':');
}

export function recordKey(source: RecordKeySource): string {
  let url: URL | undefined;
  try {
    url = new URL(source.url);
  } catch {
    return normalizeUrl(source.url);
  }
  if (source.site === 'gmail' && url.hostname === 'mail.google.com') {
    const key = gmailKey(url);
    if (key) return key;
  }
  const id = source.record?.id?.trim() || source.conversation?.id?.trim();
  if (id) {
    const site = siteKeys[source.site];
    const org = site ? site.org(url) : url.hostname;
    const object = (site?.object?.(url, source) ?? source.record?.objectType) || source.kind;
    if (org) {
      return [site?.family ?? source.site.toLowerCase(), org.toLowerCase(), object, site?.id?.(id) ?? id]
        .map(part)
        .join(':');
    }
  }
  return normalizeUrl(source.url);
}
