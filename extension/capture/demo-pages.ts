/**
 * `npm run dev` serves demo pages from the worker on this computer, each under `/demo/<site>/<the site's own path>`
 * (worker/demo/pages.ts). Capture reads them as the site they imitate, so a first run shows what Beside does on a
 * real Salesforce, Zendesk or Gmail page. Only on this computer's addresses: nothing on the web can pose as a site.
 */
const DEMO_SITES: Record<string, string> = {
  salesforce: 'https://northwind-demo.lightning.force.com',
  zendesk: 'https://northwind-demo.zendesk.com',
  gmail: 'https://mail.google.com',
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The address a demo page stands for (for choosing an extractor), or undefined for any other page. */
export function demoSiteUrl(url: URL): URL | undefined {
  if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname)) return undefined;
  const match = /^\/demo\/([a-z]+)(\/.*)$/.exec(url.pathname);
  const origin = match && DEMO_SITES[match[1] as string];
  return origin ? new URL(`${match[2]}${url.search}${url.hash}`, origin) : undefined;
}
