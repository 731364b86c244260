import type { ConversationMessage, RecordField } from '../../../shared/page-context';
import { uniqueFields } from '../dom/fields';
import { textOf, toMarkdown } from '../dom/markdown';
import { visibleAll, visibleFirst } from '../dom/query';
import { timesOf } from '../dom/time';
import { queryFirstDeep } from '../dom/walk';
import { isJiraHost } from '../site-bundles';
import type { SiteExtractor } from '../types';

/**
 * Jira Cloud issues (full page or the issue opened over a board): the summary, status and the fields of the
 * details panel, then the description as the reporter's first message and the comments after it.
 * Selectors are Jira's `data-testid`s, proven by test/fixtures/pages/jira--issue.html.
 */
const selectors = {
  commentEditor: '[data-testid="issue.activity.comment-editor"]',
  summary: '[data-testid="issue.views.issue-base.foundation.summary.heading"]',
  key: '[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]',
  status: '[data-testid="issue.views.issue-base.foundation.status.status-field-wrapper"]',
  details: '[data-testid="issue.views.issue-details.issue-layout.container-right"]',
  fieldHeading: '[data-testid$="field-heading-title"], [data-testid^="issue-field-heading"]',
  fieldRow: '[data-testid$=".field-container"], [data-component-selector="jira-issue-field-heading-field-wrapper"]',
  description: '[data-testid="issue.views.field.rich-text.description"]',
  comment: '[data-testid^="issue-comment-base.ui.comment.ak-comment."]',
  commentAuthor: '[data-testid$=".author"], [data-testid$="-author"], [data-testid*="comment-author"]',
  commentBody: '[data-testid$=".body"], [data-testid$="-body"], .ak-renderer-document',
  reporter: 'Reporter',
};

const issueKey = /\b([A-Z][A-Z0-9_]+-\d+)\b/;

function fields(document: ParentNode): RecordField[] {
  const fields: RecordField[] = [];
  const status = textOf(visibleFirst(document, selectors.status));
  if (status) fields.push({ label: 'Status', value: status });
  const panel = visibleFirst(document, selectors.details);
  if (!panel) return fields;
  const rows = visibleAll(panel, selectors.fieldRow);
  // Field wrappers change names between Jira releases; a field's heading does not: its parent is then the row.
  const headingRows = () => visibleAll(panel, selectors.fieldHeading).flatMap((heading) => heading.parentElement ?? []);
  for (const row of rows.length > 0 ? rows : headingRows()) {
    const heading = queryFirstDeep(row, selectors.fieldHeading);
    const label = textOf(heading);
    const value = textOf(row).slice(label.length).trim();
    fields.push({ label, value });
  }
  return fields;
}

function comments(document: ParentNode): ConversationMessage[] {
  // The comment itself ("ak-comment.10231", or "…-container"), not its author or body parts.
  const isComment = (element: Element) =>
    /ak-comment\.\d+(-container)?$/.test(element.getAttribute('data-testid') ?? '');
  return visibleAll(document, selectors.comment)
    .filter(isComment)
    .map((comment) => {
      const time = timesOf(queryFirstDeep(comment, 'time, [datetime]'));
      return {
        author: textOf(queryFirstDeep(comment, selectors.commentAuthor)) || 'Unknown',
        role: 'other' as const,
        ...time,
        visibility: 'public' as const,
        text: toMarkdown(queryFirstDeep(comment, selectors.commentBody)),
      };
    });
}

export const jira: SiteExtractor = {
  id: 'jira',
  matches: (url) => isJiraHost(url) && /\/browse\/|selectedIssue=/.test(url.href),
  extract(document, url) {
    const summary = textOf(visibleFirst(document, selectors.summary));
    if (!summary) return undefined;
    const key =
      textOf(visibleFirst(document, selectors.key)).match(issueKey)?.[1] ??
      (url.searchParams.get('selectedIssue') || url.pathname).match(issueKey)?.[1];
    const recordFields = uniqueFields(fields(document));
    const reporter = recordFields.find((field) => field.label === selectors.reporter)?.value ?? 'Reporter';
    const description = toMarkdown(visibleFirst(document, selectors.description));
    const messages: ConversationMessage[] = [
      ...(description
        ? [{ author: reporter, role: 'other' as const, visibility: 'public' as const, text: description }]
        : []),
      ...comments(document),
    ];
    return {
      title: `${key ? `${key}: ` : ''}${summary}`,
      site: 'jira',
      kind: 'record',
      notContent: selectors.commentEditor,
      record: {
        objectType: 'Issue',
        ...(key ? { id: key } : {}),
        name: summary,
        fields: recordFields,
        related: [],
        activity: [],
      },
      conversation: { fields: [], messages, omittedMessages: 0 },
    };
  },
};
