import { readabilityExtractor } from './readability';
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
import type { SiteExtractor } from './types';
import { visibleTextExtractor } from './visible-text';

/**
 * Extractors in priority order: the first whose `matches` is true and whose `extract` returns something wins.
 * Site extractors match on their app's own hosts and paths, so their order only matters where those overlap:
 * Lightning before Classic (both live on *.my.salesforce.com), GitHub last among sites because it also
 * recognises its issue viewer by DOM. The generic ones are the last fallbacks: Readability for articles, docs
 * and help centers, then the visible text of any other page.
 */
export const extractors: readonly SiteExtractor[] = [
  salesforceLightning,
  salesforceClassic,
  zendesk,
  freshdesk,
  hubspot,
  gmail,
  jira,
  confluence,
  notion,
  reddit,
  github,
  readabilityExtractor,
  visibleTextExtractor,
];

/** Strategies that fit any page; selection capture skips them when it looks for a record to name. */
export const genericExtractorIds: ReadonlySet<string> = new Set([readabilityExtractor.id, visibleTextExtractor.id]);
