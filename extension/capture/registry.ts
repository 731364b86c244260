import type { PageContext } from '../../shared/page-context';
import { capturePageWith, genericExtractors } from './capture-page';
import { urlOf } from './dom/frames';
import { isNeedsSiteScript, type SiteBundle, siteBundleAt, siteBundleIds } from './site-bundles';
import { confluence } from './sites/confluence';
import { freshdesk } from './sites/freshdesk';
import { github } from './sites/github';
import { gmail } from './sites/gmail';
import { hubspot } from './sites/hubspot';
import { jira } from './sites/jira';
import { notion } from './sites/notion';
import { reddit } from './sites/reddit';
import { salesforceClassic } from './sites/salesforce-classic';
import { salesforceLightning } from './sites/salesforce-lightning';
import { zendesk } from './sites/zendesk';
import type { CaptureOptions, SiteExtractor } from './types';

/**
 * Every site's extractors by the script that carries them (site-bundles.ts), in priority order within it: the
 * first whose `matches` is true and whose `extract` returns something wins. Lightning comes before Classic (both
 * live on *.my.salesforce.com). Each `extension/entrypoints/capture-<site>.ts` carries the same list
 * (registry.test.ts holds them together).
 */
export const extractorsByBundle: Readonly<Record<SiteBundle, readonly SiteExtractor[]>> = {
  salesforce: [salesforceLightning, salesforceClassic],
  zendesk: [zendesk],
  freshdesk: [freshdesk],
  hubspot: [hubspot],
  gmail: [gmail],
  confluence: [confluence],
  jira: [jira],
  notion: [notion],
  reddit: [reddit],
  github: [github],
};

/** All of them, site extractors first and the generic fallbacks last. */
export const extractors: readonly SiteExtractor[] = [
  ...siteBundleIds.flatMap((bundle) => extractorsByBundle[bundle]),
  ...genericExtractors,
];

/**
 * Captures a document as the panel does, from the script for its address, then from the script that one asks
 * for (a frame of another site, GitHub's markup on another host). Tests and the bench read pages through this.
 */
export function capturePage(document: Document, options?: CaptureOptions): PageContext {
  const address = urlOf(document);
  const first = address ? siteBundleAt(address) : undefined;
  const answer = capturePageWith(first, first ? extractorsByBundle[first] : [])(document, options);
  if (!isNeedsSiteScript(answer)) return answer;
  const second = capturePageWith(answer.bundle, extractorsByBundle[answer.bundle])(document, options);
  if (isNeedsSiteScript(second)) throw new Error(`the ${answer.bundle} script asked for the ${second.bundle} script`);
  return second;
}
