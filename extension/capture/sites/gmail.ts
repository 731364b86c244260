import type { ConversationMessage } from '../../../shared/page-context';
import { textOf, toMarkdown } from '../dom/markdown';
import { visibleAll, visibleFirst } from '../dom/query';
import { timesOf } from '../dom/time';
import { queryFirstDeep } from '../dom/walk';
import type { SiteExtractor } from '../types';

/**
 * Gmail threads: one message per `.adn` container, sender from `.gD`, date from `.g3`'s title, body from `.a3s`
 * without quoted history (Gmail's quote wrappers, its "trimmed content" toggles, and plain-text "> " lines).
 * Proven by test/fixtures/pages/gmail--thread.html and the real saved thread in shared/data.
 */
const selectors = {
  subject: 'h2.hP',
  message: '.adn[data-message-id], .adn.ads',
  sender: '.gD',
  date: '.g3',
  body: '.a3s',
  snippet: '.iA, .y2',
  quoted: '.gmail_quote, .gmail_attr, blockquote, .yj6qo, .adL, .h5, .ajR, .a6S',
};

/** Plain-text replies quote history as "On … wrote:" followed by "> " lines: cut from there. */
export function withoutQuotedLines(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^>/.test(line) || /^On .{5,200} wrote:$/.test(line));
  return (start < 0 ? lines : lines.slice(0, start)).join('\n').trim();
}

function messages(thread: ParentNode): ConversationMessage[] {
  return visibleAll(thread, selectors.message).flatMap((container) => {
    const body = queryFirstDeep(container, selectors.body);
    if (!body) return [];
    const sender = queryFirstDeep(container, selectors.sender);
    const date = queryFirstDeep(container, selectors.date);
    const time = timesOf(date);
    return [
      {
        author: sender?.getAttribute('name') || textOf(sender) || 'Unknown',
        role: 'other' as const,
        ...time,
        visibility: 'public' as const,
        // A collapsed message shows only its snippet; that is all the person sees of it.
        text:
          withoutQuotedLines(toMarkdown(body, { skip: selectors.quoted })) ||
          textOf(queryFirstDeep(container, selectors.snippet)),
      },
    ];
  });
}

export const gmail: SiteExtractor = {
  id: 'gmail',
  matches: (url) => url.hostname === 'mail.google.com',
  extract(document) {
    const main = visibleFirst(document, '[role="main"]') ?? document;
    const subject = textOf(visibleFirst(main, selectors.subject));
    const thread = messages(main);
    if (!subject || thread.length === 0) return undefined;
    return {
      title: subject,
      site: 'gmail',
      kind: 'thread',
      ...(main !== document ? { scope: main as Element } : {}),
      notContent: `${selectors.body}, ${selectors.quoted}`,
      conversation: { subject, fields: [], messages: thread, omittedMessages: 0 },
    };
  },
};
