import type { ConversationMessage } from '../../../shared/page-context';
import { textOf, toMarkdown } from '../dom/markdown';
import { visibleAll, visibleFirst } from '../dom/query';
import { timesOf } from '../dom/time';
import { closestDeep, queryFirstDeep } from '../dom/walk';
import { isRedditHost } from '../site-bundles';
import type { SiteExtractor } from '../types';

/**
 * Reddit threads (the current web UI): the post, then every visible comment in reading order, each saying whom it
 * replies to — flattened nesting is where a model loses track of who answered whom. Proven by
 * test/fixtures/pages/reddit--nested-comments.html.
 */
const selectors = {
  post: 'shreddit-post',
  title: 'shreddit-post [slot="title"], shreddit-post h1, h1',
  postBody: '[slot="text-body"]',
  comment: 'shreddit-comment',
  meta: '[slot="commentMeta"]',
  body: '[slot="comment"]',
};

/** The comment's own body, not a nested reply's. */
function ownPart(comment: Element, selector: string): Element | undefined {
  return visibleAll(comment, selector).find((part) => closestDeep(part, selectors.comment) === comment);
}

function readComment(comment: Element): ConversationMessage {
  const author = comment.getAttribute('author') || 'Unknown';
  const parent = comment.parentElement ? closestDeep(comment.parentElement, selectors.comment) : undefined;
  const repliesTo = parent?.getAttribute('author');
  return {
    author: repliesTo ? `${author} (↳ replying to ${repliesTo})` : author,
    role: 'other',
    ...timesOf(queryFirstDeep(ownPart(comment, selectors.meta), 'time')),
    visibility: 'public',
    text: toMarkdown(ownPart(comment, selectors.body)),
  };
}

export const reddit: SiteExtractor = {
  id: 'reddit',
  matches: isRedditHost,
  extract(document) {
    const post = visibleFirst(document, selectors.post);
    const subject = textOf(visibleFirst(document, selectors.title)) || document.title;
    const comments = visibleAll(document, selectors.comment).map(readComment);
    if (!post && comments.length === 0) return undefined;
    const opening: ConversationMessage[] = post
      ? [
          {
            author: post.getAttribute('author') || 'Unknown',
            role: 'other',
            visibility: 'public',
            text: toMarkdown(queryFirstDeep(post, selectors.postBody)),
          },
        ]
      : [];
    return {
      title: subject,
      site: 'reddit',
      kind: 'thread',
      conversation: { subject, fields: [], messages: [...opening, ...comments], omittedMessages: 0 },
      ...(post?.parentElement ? { scope: post.parentElement } : {}),
    };
  },
};
