import type { ConversationMessage, RecordField } from '../../../shared/page-context';
import { textOf, toMarkdown } from '../dom/markdown';
import { visibleAll, visibleFirst } from '../dom/query';
import { timesOf } from '../dom/time';
import { queryFirstDeep } from '../dom/walk';
import type { SiteExtractor } from '../types';

/**
 * GitHub issues (the React issue viewer): title, state, labels, the opening post and every comment with its
 * author and time. Proven by the real saved issue page in shared/data (general--github.com-issue-56.html).
 */
const selectors = {
  title: '[data-testid="issue-title"]',
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

const issuePath = /^\/[^/]+\/[^/]+\/(issues|pull)\/(\d+)/;

function authorOf(element: Element | null | undefined): string {
  const link = element ?? undefined;
  return (link?.getAttribute('href') ?? '').replace(/^.*\//, '') || textOf(link) || 'Unknown';
}

export const github: SiteExtractor = {
  id: 'github',
  matches: (url, document) =>
    (url.hostname === 'github.com' && issuePath.test(url.pathname)) ||
    queryFirstDeep(document, selectors.title) !== undefined,
  extract(document, url) {
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
      conversation: { ...(id ? { id } : {}), subject, fields, messages: [opening, ...comments], omittedMessages: 0 },
    };
  },
};
