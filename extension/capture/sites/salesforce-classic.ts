import type { RecordField, RelatedList } from '../../../shared/page-context';
import { countIn, uniqueFields } from '../dom/fields';
import { textOf } from '../dom/markdown';
import { visibleAll, visibleFirst } from '../dom/query';
import { queryFirstDeep } from '../dom/walk';
import { isSalesforceHost } from '../site-bundles';
import type { SiteExtractor } from '../types';

/**
 * Salesforce Classic detail pages (also what Lightning shows inside an iframe for Visualforce and Classic
 * pages): `.bPageTitle` names the record, `table.detailList` pairs `td.labelCol` with the next `td.dataCol`,
 * `.bRelatedList` blocks are the related lists. Proven by the unit test's page, which mirrors Classic's markup.
 */
const selectors = {
  objectType: '.bPageTitle .pageType',
  name: '.bPageTitle .pageDescription',
  detailList: '.pbBody table.detailList',
  label: 'td.labelCol',
  relatedList: '.bRelatedList',
  relatedTitle: '.pbTitle h3',
  relatedTable: 'table.list',
};

const recordId = /^\/([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})$/;

function detailFields(document: Document): RecordField[] {
  return visibleAll(document, `${selectors.detailList} ${selectors.label}`).map((label) => {
    const value = label.nextElementSibling;
    return { label: textOf(label), value: value?.classList.contains('dataCol') ? textOf(value) : '' };
  });
}

function relatedLists(document: Document): RelatedList[] {
  return visibleAll(document, selectors.relatedList).flatMap((block) => {
    const name = textOf(queryFirstDeep(block, selectors.relatedTitle));
    if (!name) return [];
    const table = visibleFirst(block, selectors.relatedTable);
    const headers = table ? visibleAll(table, 'tr.headerRow th').map((header) => textOf(header)) : [];
    const dataRows = table ? visibleAll(table, 'tr.dataRow') : [];
    const rows = dataRows.slice(0, 5).map((row) =>
      visibleAll(row, 'th, td')
        .map((cell, index) => ({ label: headers[index] ?? '', value: textOf(cell) }))
        .filter((field) => field.label && field.value && field.label !== 'Action'),
    );
    const count = countIn(textOf(queryFirstDeep(block, '.pShowMore, .pbTitle'))) ?? dataRows.length;
    return [{ name, count, rows }];
  });
}

export const salesforceClassic: SiteExtractor = {
  id: 'salesforce-classic',
  matches: (url, document) =>
    isSalesforceHost(url) &&
    (recordId.test(url.pathname) || queryFirstDeep(document, selectors.detailList) !== undefined),
  extract(document, url) {
    const name = textOf(visibleFirst(document, selectors.name));
    const fields = uniqueFields(detailFields(document));
    if (!name || fields.length === 0) return undefined;
    const objectType = textOf(visibleFirst(document, selectors.objectType)) || 'Record';
    const id = url.pathname.match(recordId)?.[1];
    return {
      title: `${objectType}: ${name}`,
      site: 'salesforce-classic',
      kind: 'record',
      record: { objectType, ...(id ? { id } : {}), name, fields, related: relatedLists(document), activity: [] },
    };
  },
};
