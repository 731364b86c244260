import type { ConversationMessage, RecordField } from '../../../shared/page-context';
import { uniqueFields } from '../dom/fields';
import { labelledValue } from '../dom/labelled-value';
import { textOf, toMarkdown } from '../dom/markdown';
import { visibleAll, visibleFirst } from '../dom/query';
import { timesOf } from '../dom/time';
import { queryFirstDeep } from '../dom/walk';
import { isFreshdeskHost } from '../site-bundles';
import type { SiteExtractor } from '../types';

/**
 * Freshdesk agent ticket view (/a/tickets/<id>): the ticket's description and conversation entries, private
 * notes marked as internal, and the properties form (status, priority, type, group, agent).
 */
const selectors = {
  subject: '[data-test-id="ticket-subject"], .ticket-subject-heading, h2.subject',
  conversation: '[data-test-id="conversation-item"], .ticket-details__item, .conversation',
  author: '[data-test-id="conversation-author"], .user-name, .author',
  time: 'time, [data-test-id="conversation-time"], .timeago',
  body: '[data-test-id="conversation-body"], .ticket-details__body, .conversation__body',
  privateNote: '.private-note, [data-test-id="private-note"], .is-private',
  requester: '[data-test-id="requester-name"]',
  properties: '[data-test-id="ticket-properties"], .ticket-properties',
  propertyRow: '[data-test-id^="tkt-prop-"], .form-group, .ticket-field',
};

const ticketPath = /^\/a\/tickets\/(\d+)/;

function properties(document: ParentNode): RecordField[] {
  const panel = visibleFirst(document, selectors.properties);
  if (!panel) return [];
  return visibleAll(panel, selectors.propertyRow).map((row) => {
    const label = queryFirstDeep(row, 'label');
    return { label: textOf(label), value: labelledValue(row, label) };
  });
}

export const freshdesk: SiteExtractor = {
  id: 'freshdesk',
  matches: (url) => isFreshdeskHost(url) && ticketPath.test(url.pathname),
  extract(document, url) {
    const id = url.pathname.match(ticketPath)?.[1];
    const requester = textOf(visibleFirst(document, selectors.requester));
    const messages = visibleAll(document, selectors.conversation).map((item): ConversationMessage => {
      const author = textOf(queryFirstDeep(item, selectors.author)) || 'Unknown';
      const internal = item.matches(selectors.privateNote) || queryFirstDeep(item, selectors.privateNote) !== undefined;
      const time = timesOf(queryFirstDeep(item, selectors.time));
      return {
        author,
        role: author === requester ? 'customer' : internal ? 'agent' : 'other',
        ...time,
        visibility: internal ? 'internal' : 'public',
        text: toMarkdown(queryFirstDeep(item, selectors.body) ?? item),
      };
    });
    if (messages.length === 0) return undefined;
    const subject = textOf(visibleFirst(document, selectors.subject)) || document.title;
    const fields = uniqueFields([
      ...(requester ? [{ label: 'Requester', value: requester }] : []),
      ...properties(document),
    ]);
    return {
      title: `Ticket #${id}: ${subject}`,
      site: 'freshdesk',
      kind: 'ticket',
      conversation: { ...(id ? { id } : {}), subject, fields, messages, omittedMessages: 0 },
    };
  },
};
