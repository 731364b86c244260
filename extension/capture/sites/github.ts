import type { ConversationMessage, RecordField } from '../../../shared/page-context';
import { textOf, toMarkdown } from '../dom/markdown';
import { visibleAll, visibleFirst } from '../dom/query';
import { timesOf } from '../dom/time';
import { closestDeep, queryFirstDeep } from '../dom/walk';
import { githubIssueTitle, isGithubHost } from '../site-bundles';
import type { Extraction, SiteExtractor } from '../types';

/**
 * GitHub issues (the React issue viewer): title, state, labels, the opening post and every comment with its
 * author and time. Proven by the real saved issue page in shared/data (general--github.com-issue-56.html).
 */
const selectors = {
  title: githubIssueTitle,
  state: '[data-testid="header-state"]',
  labels: '[data-testid="issue-labels"]',
  bodyAuthor: '[data-testid="issue-body-header-author"]',
  bodyTime: '[data-testid="issue-body-header-link"] relative-time, [data-testid="issue-body"] relative-time',
  body: '[data-testid="issue-body-viewer"] [data-testid="markdown-body"]',
  comment: '[data-testid^="comment-viewer-outer-box-"]',
  commentAuthor:
    '[data-testid="avatar-link"], .ActivityHeader-module__AuthorLink--iofTU, a[data-hovercard-url^="/users/"]',
  commentBody: '[data-testid="markdown-body"]',
};

/** Pull requests (server-rendered conversation page): header, branches, reviewers, comments and review comments. */
const pullSelectors = {
  title: '.gh-header-title .js-issue-title',
  state: '.gh-header-meta .State',
  author: '.gh-header-meta .author',
  base: '.gh-header-meta .base-ref',
  head: '.gh-header-meta .head-ref',
  reviewer: '.sidebar-reviewers .css-truncate-target',
  labels: '.IssueLabel',
  comment: '.timeline-comment, .review-comment',
  commentAuthor: '.author',
  commentBody: '.comment-body',
  reviewState: '.timeline-comment-header .Label',
  /** A review's summary comment names its author once, above it in the timeline item. */
  timelineItem: '.js-comment-container, .TimelineItem',
  file: '.file',
  filePath: '.file-info a',
  /** The tabs' counters: commits, checks and files changed, at a glance. */
  tab: '.tabnav-pr .tabnav-tab, nav[aria-label="Pull request tabs"] a',
  counter: '.Counter',
};

/** "Commits 3" → { Commits: 3 }: each tab's name with the count it shows. */
function tabCounts(document: Document): RecordField[] {
  return visibleAll(document, pullSelectors.tab).flatMap((tab) => {
    const value = textOf(queryFirstDeep(tab, pullSelectors.counter));
    const label = textOf(tab).slice(0, -value.length).trim();
    return value && label ? [{ label, value }] : [];
  });
}

const issuePath = /^\/[^/]+\/[^/]+\/(issues|pull)\/(\d+)/;

function authorOf(element: Element | null | undefined): string {
  const link = element ?? undefined;
  return (link?.getAttribute('href') ?? '').replace(/^.*\//, '') || textOf(link) || 'Unknown';
}

function pullRequest(document: Document, subject: string, id: string | undefined): Extraction {
  const join = (selector: string) =>
    visibleAll(document, selector)
      .map((element) => textOf(element))
      .filter(Boolean)
      .join(', ');
  const fields: RecordField[] = [
    { label: 'State', value: textOf(visibleFirst(document, pullSelectors.state)) },
    { label: 'Author', value: textOf(visibleFirst(document, pullSelectors.author)) },
    { label: 'Branches', value: `${join(pullSelectors.head)} → ${join(pullSelectors.base)}` },
    { label: 'Reviewers', value: join(pullSelectors.reviewer) },
    { label: 'Labels', value: join(pullSelectors.labels) },
    ...tabCounts(document),
  ].filter((field) => field.value && field.value !== ' → ');
  const messages = visibleAll(document, pullSelectors.comment).flatMap((comment): ConversationMessage[] => {
    const file = closestDeep(comment, pullSelectors.file);
    const path = file ? textOf(queryFirstDeep(file, pullSelectors.filePath)) : '';
    const review = textOf(queryFirstDeep(comment, pullSelectors.reviewState));
    const body = toMarkdown(queryFirstDeep(comment, pullSelectors.commentBody));
    // A minimized comment shows only its one-line summary (left to the page text): it says nothing here.
    if (!body) return [];
    const context = [path ? `On ${path}` : '', review].filter(Boolean).join(' · ');
    const item = closestDeep(comment, pullSelectors.timelineItem);
    const inCommentOrItem = (selector: string) =>
      queryFirstDeep(comment, selector) ?? (item ? queryFirstDeep(item, selector) : undefined);
    return [
      {
        author: textOf(inCommentOrItem(pullSelectors.commentAuthor)) || 'Unknown',
        role: 'other',
        ...timesOf(inCommentOrItem('relative-time')),
        visibility: 'public',
        text: context ? `_${context}_\n\n${body}` : body,
      },
    ];
  });
  return {
    title: `${subject}${id ? ` · Pull request #${id}` : ''}`,
    site: 'github',
    kind: 'ticket',
    conversation: { ...(id ? { id } : {}), subject, noun: 'pullRequest', fields, messages, omittedMessages: 0 },
  };
}

export const github: SiteExtractor = {
  id: 'github',
  matches: (url, document) =>
    (isGithubHost(url) && issuePath.test(url.pathname)) || queryFirstDeep(document, selectors.title) !== undefined,
  extract(document, url) {
    const pullTitle = textOf(visibleFirst(document, pullSelectors.title));
    if (pullTitle) return pullRequest(document, pullTitle, url.pathname.match(issuePath)?.[2]);
    const subject = textOf(visibleFirst(document, selectors.title));
    const body = visibleFirst(document, selectors.body);
    if (!subject || !body) return undefined;
    const id = url.pathname.match(issuePath)?.[2];
    const fields: RecordField[] = [
      { label: 'State', value: textOf(visibleFirst(document, selectors.state)) },
      { label: 'Labels', value: textOf(queryFirstDeep(document, selectors.labels)) },
    ].filter((field) => field.value && field.value !== 'No labels');
    const openingTime = timesOf(queryFirstDeep(document, selectors.bodyTime));
    const opening: ConversationMessage = {
      author: authorOf(queryFirstDeep(document, selectors.bodyAuthor)),
      role: 'other',
      ...openingTime,
      visibility: 'public',
      text: toMarkdown(body),
    };
    const comments = visibleAll(document, selectors.comment).map((comment): ConversationMessage => {
      const time = timesOf(queryFirstDeep(comment, 'relative-time'));
      return {
        author: authorOf(queryFirstDeep(comment, selectors.commentAuthor)),
        role: 'other',
        ...time,
        visibility: 'public',
        text: toMarkdown(queryFirstDeep(comment, selectors.commentBody)),
      };
    });
    return {
      title: `${subject}${id ? ` · Issue #${id}` : ''}`,
      site: 'github',
      kind: 'ticket',
      conversation: {
        ...(id ? { id } : {}),
        subject,
        noun: 'issue',
        fields,
        messages: [opening, ...comments],
        omittedMessages: 0,
      },
    };
  },
};
