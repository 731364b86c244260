import type { RecordField, RelatedList } from '../../../shared/page-context';
import { cleanLabel, countIn, uniqueFields } from '../dom/fields';
import { labelledValue } from '../dom/labelled-value';
import { textOf } from '../dom/markdown';
import { visibleAll, visibleFirst } from '../dom/query';
import { queryFirstDeep } from '../dom/walk';
import { isHubspotHost } from '../site-bundles';
import type { SiteExtractor } from '../types';

/**
 * HubSpot CRM records (contacts, companies, deals, tickets). The URL says the object type
 * (/contacts/<portal>/record/<type id>/<record id>); the left sidebar holds the name and properties, the right
 * sidebar the associations, the middle pane the activity timeline. Proven by test/fixtures/pages/hubspot--deal.html.
 */
const selectors = {
  globalToolbar: '#hs-global-toolbar-root, [data-test-id="hs-global-toolbar"]',
  leftSidebar: '[data-test-id="left-sidebar"]',
  rightSidebar: '[data-test-id="records-right-sidebar"]',
  middlePane: '[data-test-id="middle-pane"]',
  name: '[data-selenium-test="highlightTitle"], h1',
  highlight: '[data-test-id="record-highlight"]',
  property: '[data-selenium-test^="property-input-"]',
  propertyLabel: '[data-selenium-test="property-label"], label',
  associationCard: '[data-test-id^="association-card-"]:not([data-test-id="association-card-title"])',
  associationTitle: '[data-test-id="association-card-title"], h3, h2',
  associationItem: '[data-test-id="association-item"]',
  timelineItem: '[data-test-id="timeline-event"], [data-selenium-test="timeline-card"]',
};

const objectTypes: Record<string, string> = { '0-1': 'Contact', '0-2': 'Company', '0-3': 'Deal', '0-5': 'Ticket' };
const legacyTypes: Record<string, string> = { contact: 'Contact', company: 'Company', deal: 'Deal', ticket: 'Ticket' };
const recordPath = /^\/contacts\/\d+\/(?:record\/(\d+-\d+)|(contact|company|deal|ticket))\/(\d+)/;

function properties(sidebar: Element): RecordField[] {
  const highlights = visibleAll(sidebar, selectors.highlight).map((highlight) => {
    const label = queryFirstDeep(highlight, selectors.propertyLabel);
    return { label: textOf(label), value: labelledValue(highlight, label) };
  });
  const rows = visibleAll(sidebar, selectors.property).map((row) => {
    const label = queryFirstDeep(row, selectors.propertyLabel);
    return { label: textOf(label), value: labelledValue(row, label) };
  });
  return [...highlights, ...rows];
}

function associations(sidebar: Element | undefined): RelatedList[] {
  if (!sidebar) return [];
  return visibleAll(sidebar, selectors.associationCard).map((card) => {
    const title = textOf(queryFirstDeep(card, selectors.associationTitle));
    const rows = visibleAll(card, selectors.associationItem, 5).map((item) => [{ label: 'Name', value: textOf(item) }]);
    const count = countIn(title) ?? rows.length;
    return { name: cleanLabel(title.replace(/\([^()]*\)/, '')), count, rows };
  });
}

export const hubspot: SiteExtractor = {
  id: 'hubspot',
  matches: (url) => isHubspotHost(url) && recordPath.test(url.pathname),
  extract(document, url) {
    const sidebar = visibleFirst(document, selectors.leftSidebar);
    if (!sidebar) return undefined;
    const [, typeId, legacyType, id] = url.pathname.match(recordPath) ?? [];
    const objectType = (typeId && objectTypes[typeId]) || (legacyType && legacyTypes[legacyType]) || 'Record';
    const name = textOf(visibleFirst(sidebar, selectors.name)) || document.title;
    const middle = visibleFirst(document, selectors.middlePane);
    return {
      title: `${objectType}: ${name}`,
      site: 'hubspot',
      kind: 'record',
      notContent: selectors.globalToolbar,
      record: {
        objectType,
        ...(id ? { id } : {}),
        name,
        fields: uniqueFields(properties(sidebar)),
        related: associations(visibleFirst(document, selectors.rightSidebar)),
        activity: middle ? visibleAll(middle, selectors.timelineItem).map((item) => textOf(item)) : [],
      },
    };
  },
};
