import type { ConversationMessage, RecordField } from '../../../shared/page-context';
import { readWithinBudget } from '../conversation-window';
import { uniqueFields } from '../dom/fields';
import { labelledValue } from '../dom/labelled-value';
import { textOf, toMarkdown } from '../dom/markdown';
import { controlValue, visibleAll, visibleFirst } from '../dom/query';
import { timesOf } from '../dom/time';
import { closestDeep, queryFirstDeep } from '../dom/walk';
import { isZendeskHost } from '../site-bundles';
import { maxCharsOf, type SiteExtractor } from '../types';

/**
 * Zendesk Agent Workspace tickets. Zendesk keeps every open ticket tab mounted (one `[data-ticket-id]` each) and
 * shows one: everything is read inside the visible one. Selectors are Zendesk's own `data-test-id`s, proven by
 * test/fixtures/pages/zendesk--*.html.
 */
const selectors = {
  workspace: '[data-ticket-id]',
  // Agent Workspace first, then the older agent interface (property box, event list).
  subject: '[data-test-id="omni-header-subject"], [data-test-id="ticket-pane-subject"], .ticket-subject',
  status: '[data-test-id="ticket-status-tag"], [data-test-id="tabs-nav-item-ticket-status"], .ticket_status_label',
  fieldPanel:
    '[data-test-id="ticket-form-panel"], [data-test-id="ticket-fields"], [data-test-id="ticket-sidebar"], .ticket_fields, .property_box',
  fieldLabel: 'label, .property-label',
  labelRow: '.label_row',
  // Comment items only: system events ("Status changed…") sit beside them in the log and are left to the page text.
  comment: '[data-test-id="omni-log-comment-item"], [data-test-id="omni-log-item"], .event > .comment',
  sender: '[data-test-id="omni-log-item-sender"], [data-test-id="omni-log-comment-user-link"], .actor .name',
  privateEvent: '.is-private',
  time: '[data-test-id^="timestamp-"], time',
  body: '[data-test-id="omni-log-message-content"], [data-test-id="omni-log-item-message"], .zd-comment',
  internalTag: '[data-test-id="omni-log-internal-note-tag"], [data-test-id="omni-log-internal-note"], .badge.internal',
};

const ticketPath = /^\/agent\/tickets\/(\d+)/;

function ticketFields(workspace: ParentNode): RecordField[] {
  const fields: RecordField[] = [];
  const status = textOf(visibleFirst(workspace, selectors.status));
  if (status) fields.push({ label: 'Status', value: status });
  const panel = visibleFirst(workspace, selectors.fieldPanel);
  if (!panel) return fields;
  for (const label of visibleAll(panel, selectors.fieldLabel)) {
    const row = label.parentElement;
    if (!row) continue;
    // The older interface gives some labels a row of their own with an action ("take it", "follow"): the value is
    // what follows that row.
    const value = row.matches(selectors.labelRow)
      ? labelledValue(row.nextElementSibling ?? row)
      : labelledValue(row, label);
    fields.push({ label: textOf(label), value });
  }
  return fields;
}

function isInternal(comment: Element): boolean {
  const label = (comment.getAttribute('aria-label') ?? '').toLowerCase();
  return (
    label.startsWith('internal note') ||
    queryFirstDeep(comment, selectors.internalTag) !== undefined ||
    closestDeep(comment, selectors.privateEvent) !== undefined
  );
}

function readComment(comment: Element): ConversationMessage {
  const time = timesOf(queryFirstDeep(comment, selectors.time));
  return {
    author: textOf(queryFirstDeep(comment, selectors.sender)) || 'Unknown',
    role: 'other',
    ...time,
    visibility: isInternal(comment) ? 'internal' : 'public',
    text: toMarkdown(queryFirstDeep(comment, selectors.body)),
  };
}

function messages(workspace: ParentNode, maxChars: number, requester?: string, assignee?: string) {
  const { messages, skipped } = readWithinBudget(visibleAll(workspace, selectors.comment), readComment, maxChars);
  // Whoever writes internal notes, or is the assignee, is an agent; the requester is the customer.
  const agents = new Set(
    messages.filter((message) => message.visibility === 'internal').map((message) => message.author),
  );
  for (const message of messages) if (assignee?.includes(message.author)) agents.add(message.author);
  const withRoles = messages.map((message): ConversationMessage => {
    const role = message.author === requester ? 'customer' : agents.has(message.author) ? 'agent' : 'other';
    return { ...message, role };
  });
  return { messages: withRoles, skipped };
}

export const zendesk: SiteExtractor = {
  id: 'zendesk',
  matches: (url) => isZendeskHost(url) && ticketPath.test(url.pathname),
  extract(document, url, options) {
    const id = url.pathname.match(ticketPath)?.[1];
    const workspace =
      visibleFirst(document, `${selectors.workspace}[data-ticket-id="${id}"]`) ??
      visibleFirst(document, selectors.workspace) ??
      document;
    const subjectElement = visibleFirst(workspace, selectors.subject);
    const subject = controlValue(subjectElement) || textOf(subjectElement) || document.title;
    const fields = uniqueFields(ticketFields(workspace));
    const fieldValue = (label: string) => fields.find((field) => field.label === label)?.value;
    const maxChars = maxCharsOf(options);
    const conversation = messages(workspace, maxChars, fieldValue('Requester'), fieldValue('Assignee'));
    // A ticket whose log markup is not known still reads as a ticket: its fields here, and the log with the rest of
    // the workspace's visible text after them. Only a page with neither is left to the generic strategies.
    if (conversation.messages.length === 0 && fields.length === 0) return undefined;
    return {
      title: `Ticket #${id}: ${subject}`,
      site: 'zendesk',
      kind: 'ticket',
      ...(workspace !== document ? { scope: workspace as Element } : {}),
      conversation: {
        ...(id ? { id } : {}),
        subject,
        fields,
        messages: conversation.messages,
        omittedMessages: conversation.skipped,
      },
    };
  },
};
