import type { RecordField, RelatedList } from '../../../shared/page-context';
import { cleanLabel, countIn, uniqueFields } from '../dom/fields';
import { textOf } from '../dom/markdown';
import { visibleAll, visibleFirst } from '../dom/query';
import { closestDeep, queryFirstDeep } from '../dom/walk';
import { isSalesforceHost } from '../site-bundles';
import type { SiteExtractor } from '../types';

/**
 * "Contacts (3)" → "Contacts". A scan rather than `/\(.*?\)\s*$/`, which is quadratic on a title with thousands
 * of "(" (page text is written by anyone).
 */
export function withoutTrailingCount(title: string): string {
  const trimmed = title.trimEnd();
  if (!trimmed.endsWith(')')) return title;
  const open = trimmed.lastIndexOf('(');
  return open === -1 ? title : trimmed.slice(0, open);
}

/**
 * Salesforce Lightning Experience record pages (Account, Opportunity, Contact, Lead, Case and custom objects).
 * Lightning keeps previously opened records in the DOM, hidden, and renders a stale mobile copy of the
 * highlights: every query below only returns what is visible, and everything is read inside the visible record.
 * Proven by test/fixtures/pages/salesforce-lightning--*.html.
 */
const selectors = {
  // Hosts as well as their inner headers: a descendant selector does not cross a shadow boundary.
  highlights:
    'records-highlights2, records-lwc-highlights-panel, records-lwc-highlights-panel .slds-page-header, .forceHighlightsPanel',
  recordPage: '.oneContent, one-record-home-flexipage2, .lafPageHost',
  objectType: '.entityNameTitle',
  name: 'slot[name="primaryField"], .slds-page-header__title, h1',
  highlightItem: 'records-highlights-details-item, force-highlights-details-item, .slds-page-header__detail-block',
  highlightLabel: '.slds-text-title, p[title]',
  highlightValue: '.fieldComponent, p:not(.slds-text-title)',
  // Every form Lightning shows a field in: layout items, output fields, read-only and static form elements.
  detailItem:
    'records-record-layout-item, force-record-layout-item, lightning-output-field, .slds-form-element_readonly, .slds-form-element_static',
  detailLabel: '.test-id__field-label, .slds-form-element__label, .slds-text-title',
  detailValue: '.test-id__field-value, .slds-form-element__static, .slds-form-element__control',
  /**
   * A checkbox or icon value says itself only in its title (a rep sees the ticked or empty box); the inline edit
   * button's title ("Edit Home Phone") is an action, not the value.
   */
  iconValue: '[title]:not(button)',
  descriptionTerm: 'dt',
  pathCurrent: '.slds-path__item.slds-is-current .slds-path__title, .slds-path__item.slds-is-active .slds-path__title',
  relatedList:
    'lst-related-list-single-container, force-related-list-single-container, .forceRelatedListSingleContainer',
  relatedTitle: '.slds-card__header-title',
  // A related list's rows when it is not a table: tiles, or an slds-item list of rows.
  relatedTile: '.slds-tile, .slds-item',
  tileName: '.slds-tile__title, h3',
  timelineItem: '.slds-timeline__item_expandable, .slds-timeline__item',
  timelineTitle: '.slds-timeline__title, .subjectLink',
  timelineDate: '.slds-timeline__date',
  timelineDetails: '.slds-timeline__item_details',
};

const maxRows = 5;
const recordUrl = /\/lightning\/r\/(?:(\w+)\/)?(\w{15}|\w{18})\//;

function highlightFields(panel: Element): RecordField[] {
  return visibleAll(panel, selectors.highlightItem).map((item) => {
    const label = queryFirstDeep(item, selectors.highlightLabel);
    return {
      label: label?.getAttribute('title') || textOf(label),
      value: textOf(queryFirstDeep(item, selectors.highlightValue)),
    };
  });
}

function fieldValue(item: Element): string {
  const value = queryFirstDeep(item, selectors.detailValue);
  return textOf(value) || (queryFirstDeep(value, selectors.iconValue)?.getAttribute('title') ?? '').trim();
}

function detailFields(page: ParentNode): RecordField[] {
  return visibleAll(page, selectors.detailItem).map((item) => ({
    label:
      item.getAttribute('field-label') ||
      item.getAttribute('data-field-label') ||
      textOf(queryFirstDeep(item, selectors.detailLabel)),
    value: fieldValue(item),
  }));
}

/** dt/dd pairs (description lists in compact layouts and cards), outside related-list tiles. */
function descriptionFields(page: ParentNode): RecordField[] {
  return visibleAll(page, selectors.descriptionTerm).flatMap((term) => {
    if (closestDeep(term, `${selectors.relatedTile}, ${selectors.relatedList}`)) return [];
    const detail = term.nextElementSibling;
    return detail?.localName === 'dd' ? [{ label: cleanLabel(textOf(term)), value: textOf(detail) }] : [];
  });
}

/** The stage path's current step: the stage a rep reads first, also when the layout has no Stage field. */
function pathStage(page: ParentNode): RecordField[] {
  const current = textOf(visibleFirst(page, selectors.pathCurrent));
  return current ? [{ label: 'Stage', value: current }] : [];
}

function tableRows(table: Element): RecordField[][] {
  const headers = visibleAll(table, 'thead th').map(
    (header) => header.getAttribute('aria-label') || textOf(header) || '',
  );
  return visibleAll(table, 'tbody tr', maxRows).map((row) =>
    visibleAll(row, 'th, td')
      .map((cell, index) => ({ label: headers[index] ?? `Column ${index + 1}`, value: textOf(cell) }))
      .filter((field) => field.value),
  );
}

function tileRows(card: Element): RecordField[][] {
  return visibleAll(card, selectors.relatedTile, maxRows).map((tile) => {
    const row: RecordField[] = [{ label: 'Name', value: textOf(queryFirstDeep(tile, selectors.tileName)) }];
    for (const term of visibleAll(tile, 'dt')) {
      const detail = term.nextElementSibling;
      if (detail?.localName === 'dd') row.push({ label: cleanLabel(textOf(term)), value: textOf(detail) });
    }
    return row.filter((field) => field.value);
  });
}

function relatedLists(page: ParentNode): RelatedList[] {
  return visibleAll(page, selectors.relatedList).flatMap((card) => {
    const title = queryFirstDeep(card, selectors.relatedTitle);
    const name = queryFirstDeep(title, 'span[title]')?.getAttribute('title') || withoutTrailingCount(textOf(title));
    if (!name) return [];
    const table = visibleFirst(card, 'table');
    const rows = table ? tableRows(table) : tileRows(card);
    const count = countIn(textOf(title)) ?? (rows.length > 0 ? rows.length : undefined);
    return [{ name: name.trim(), ...(count === undefined ? {} : { count }), rows }];
  });
}

function activity(page: ParentNode): string[] {
  return visibleAll(page, selectors.timelineItem).map((item) => {
    const type = item.className.match(/slds-timeline__item_(call|email|task|event)/)?.[1];
    const details = textOf(visibleFirst(item, selectors.timelineDetails));
    return [
      textOf(queryFirstDeep(item, selectors.timelineDate)),
      type ? type[0]?.toUpperCase() + type.slice(1) : '',
      textOf(queryFirstDeep(item, selectors.timelineTitle)) + (details ? ` — ${details}` : ''),
    ]
      .filter(Boolean)
      .join(' · ');
  });
}

/** The record name without the object type Lightning prints before it; page text, so never a pattern. */
function withoutPrefix(text: string, prefix: string): string {
  return text.startsWith(prefix) ? text.slice(prefix.length).trimStart() : text;
}

export const salesforceLightning: SiteExtractor = {
  id: 'salesforce-lightning',
  matches: (url) => isSalesforceHost(url) && url.pathname.startsWith('/lightning/r/'),
  extract(document, url) {
    const panel = visibleFirst(document, selectors.highlights);
    if (!panel) return undefined;
    const recordPage = closestDeep(panel, selectors.recordPage);
    const page = recordPage ?? document;
    const [, typeFromUrl, id] = url.pathname.match(recordUrl) ?? [];
    const objectType = textOf(queryFirstDeep(panel, selectors.objectType)) || typeFromUrl || 'Record';
    const nameElement = queryFirstDeep(panel, selectors.name);
    const name = withoutPrefix(textOf(nameElement), objectType) || document.title;
    return {
      title: `${objectType}: ${name}`,
      site: 'salesforce-lightning',
      kind: 'record',
      ...(recordPage ? { scope: recordPage } : {}),
      record: {
        objectType,
        ...(id ? { id } : {}),
        name,
        fields: uniqueFields([
          ...highlightFields(panel),
          ...detailFields(page),
          ...descriptionFields(page),
          ...pathStage(page),
        ]),
        related: relatedLists(page),
        activity: activity(page),
      },
    };
  },
};
