import { demoSiteUrl } from './demo-pages';

/**
 * Which capture script reads a page. Every site's extractor travels in a script of its own (`capture-<site>.js`:
 * the whole capture plus that one site), so a page only parses the code that can read it, and each script stays
 * within the capture budget (25 KB gzipped, DESIGN.md) with room to grow. Any other page gets `capture.js`, the
 * capture with the generic strategies only.
 *
 * Chosen here from the address alone, so the panel picks the file before anything is injected. The address tests
 * are the sites' own (their extractors match on them too), broad on purpose: a Zendesk view that is not a ticket
 * still gets the Zendesk script, which reads it with the generic strategies as `capture.js` would.
 */
export type SiteBundle =
  | 'salesforce'
  | 'zendesk'
  | 'freshdesk'
  | 'hubspot'
  | 'gmail'
  | 'confluence'
  | 'jira'
  | 'notion'
  | 'reddit'
  | 'github';

/** Salesforce Lightning and Classic (both on *.my.salesforce.com; Visualforce on its own domains). */
export const isSalesforceHost = (url: URL): boolean =>
  /\.(lightning\.force|my\.salesforce|salesforce|visual\.force|vf\.force)\.com$/.test(url.hostname);
export const isZendeskHost = (url: URL): boolean => url.hostname.endsWith('.zendesk.com');
export const isFreshdeskHost = (url: URL): boolean => url.hostname.endsWith('.freshdesk.com');
export const isHubspotHost = (url: URL): boolean => /(^|\.)app(-eu1)?\.hubspot\.com$/.test(url.hostname);
export const isGmailHost = (url: URL): boolean => url.hostname === 'mail.google.com';
/** Confluence Cloud (/wiki/spaces/…) and Data Center (/display/…, viewpage.action) on any host. */
export const isConfluencePage = (url: URL): boolean =>
  /\/wiki\/spaces\/|\/display\/|\/pages\/viewpage\.action/.test(url.pathname);
export const isJiraHost = (url: URL): boolean => url.hostname.endsWith('.atlassian.net');
export const isNotionHost = (url: URL): boolean => /(^|\.)notion\.(so|site)$/.test(url.hostname);
export const isRedditHost = (url: URL): boolean => /(^|\.)reddit\.com$/.test(url.hostname);
export const isGithubHost = (url: URL): boolean => url.hostname === 'github.com';

/**
 * GitHub's issue viewer, recognised by its markup on any host (GitHub Enterprise runs on the company's own). The
 * generic script looks for it and asks for the GitHub script when it is there.
 */
export const githubIssueTitle = '[data-testid="issue-title"]';

/** In order: the first whose address test passes is the page's script (Confluence before Jira: both on Atlassian). */
const bundleAddresses: readonly (readonly [SiteBundle, (url: URL) => boolean])[] = [
  ['salesforce', isSalesforceHost],
  ['zendesk', isZendeskHost],
  ['freshdesk', isFreshdeskHost],
  ['hubspot', isHubspotHost],
  ['gmail', isGmailHost],
  ['confluence', isConfluencePage],
  ['jira', isJiraHost],
  ['notion', isNotionHost],
  ['reddit', isRedditHost],
  ['github', isGithubHost],
];

export const siteBundleIds: readonly SiteBundle[] = bundleAddresses.map(([bundle]) => bundle);

/** The site script for a page's address (a demo page of `npm run dev` counts as the site it imitates). */
export function siteBundleAt(address: URL): SiteBundle | undefined {
  const url = demoSiteUrl(address) ?? address;
  return bundleAddresses.find(([, at]) => at(url))?.[0];
}

/** How a capture script names itself in the page's isolated world, so the panel can tell whether it is the one wanted. */
export const scriptName = (bundle: SiteBundle | undefined): string => bundle ?? 'generic';

/** The file the panel injects for a bundle; `undefined` is the generic capture. */
export const captureFile = (bundle: SiteBundle | undefined): `/capture-${SiteBundle}.js` | '/capture.js' =>
  bundle ? `/capture-${bundle}.js` : '/capture.js';

/** What a capture script answers on a page another site's script should read: the panel injects that one. */
export interface NeedsSiteScript {
  needs: 'site-script';
  bundle: SiteBundle;
}

export const isNeedsSiteScript = (value: unknown): value is NeedsSiteScript =>
  typeof value === 'object' &&
  value !== null &&
  (value as { needs?: unknown }).needs === 'site-script' &&
  siteBundleIds.includes((value as { bundle?: unknown }).bundle as SiteBundle);
