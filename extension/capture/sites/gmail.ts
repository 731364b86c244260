import type { ConversationMessage } from '../../../shared/page-context';
import { textOf, toMarkdown } from '../dom/markdown';
import { visibleAll, visibleFirst } from '../dom/query';
import { timesOf } from '../dom/time';
import { closestDeep, queryAllDeep, queryFirstDeep } from '../dom/walk';
import { isGmailHost } from '../site-bundles';
import type { Extraction, SiteExtractor } from '../types';

/**
 * Gmail threads (and, below, conversation lists): one message per `.adn` container, sender from `.gD`, date from `.g3`'s title, body from `.a3s`
 * without quoted history (Gmail's quote wrappers, its "trimmed content" toggles, and plain-text "> " lines).
 * Proven by test/fixtures/pages/gmail--thread.html and the real saved thread in shared/data.
 */
const selectors = {
  subject: 'h2.hP',
  // A message's container in each form Gmail uses: expanded (`.adn`, inside an `.h7` item) or collapsed (`.kv`).
  message: '.adn[data-message-id], .adn.ads, .h7, .kv',
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
  const containers = visibleAll(thread, selectors.message);
  // The outermost container of each message: one message can match twice (an `.adn` inside its `.h7`).
  const outermost = containers.filter((container) => {
    const parent = container.parentElement;
    return !parent || !closestDeep(parent, selectors.message);
  });
  return outermost.flatMap((container) => {
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

/**
 * Gmail's conversation lists (inbox, labels, search results): one line per visible row with who, what, when and the
 * row's state. The row is read from its visible cells only, so the screen-reader summary each row carries (`.afn`,
 * which repeats sender, subject and snippet) and the hover toolbar's tooltips never reach the model, and nothing is
 * said twice. Proven by test/fixtures/pages/gmail--inbox.html.
 */
const listSelectors = {
  row: 'tr.zA',
  /** The list table: rendered whole as a Markdown table by the remaining text unless left out as one. */
  list: 'table.F, tr.zA',
  senders: '.yW',
  sender: '[email], [name]',
  count: '.bx0',
  subject: '.bog',
  snippet: '.y2',
  time: '.xW span[title], .xW',
  labels: '.at[title]',
  attachment: '[title="Has attachment"], .yE',
  star: '.T-KT[aria-label]',
  selectedTab: '[role="tab"][aria-selected="true"]',
};

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** "Alex, me (3)": the senders as the row names them, with the thread's message count. */
function sendersOf(row: Element): string {
  const cell = queryFirstDeep(row, listSelectors.senders);
  if (!cell) return '';
  const names = queryAllDeep(cell, listSelectors.sender).map((sender) => sender.getAttribute('name') || textOf(sender));
  const named = [...new Set(names.map(oneLine).filter(Boolean))].join(', ') || oneLine(textOf(cell));
  const count = oneLine(textOf(queryFirstDeep(cell, listSelectors.count)));
  return count && !named.endsWith(count) ? `${named} (${count})` : named;
}

function rowLine(row: Element): string | undefined {
  const subject = oneLine(textOf(queryFirstDeep(row, listSelectors.subject)));
  // The snippet cell starts with Gmail's " - " separator.
  const snippet = oneLine(textOf(queryFirstDeep(row, listSelectors.snippet))).replace(/^[-–—]\s*/, '');
  const from = sendersOf(row);
  if (!subject && !snippet && !from) return undefined;
  const { time, shownTime } = timesOf(queryFirstDeep(row, listSelectors.time));
  const when = shownTime && time ? `${shownTime} (${time})` : (shownTime ?? time);
  const labels = queryAllDeep(row, listSelectors.labels).map((label) => oneLine(label.getAttribute('title') ?? ''));
  const starred = queryFirstDeep(row, listSelectors.star)?.getAttribute('aria-label') === 'Starred';
  const state = [
    row.classList.contains('zE') ? 'unread' : '',
    starred ? 'starred' : '',
    queryFirstDeep(row, listSelectors.attachment) ? 'attachment' : '',
    ...labels.filter(Boolean).map((label) => `label ${label}`),
  ].filter(Boolean);
  const parts = [
    from && `From: ${from}`,
    subject && `**${subject}**`,
    snippet && `“${snippet}”`,
    when,
    state.length > 0 ? state.join(', ') : '',
  ];
  return `- ${parts.filter(Boolean).join(' · ')}`;
}

/** The list view of Gmail, or undefined when the page shows no conversation rows. */
function inboxOf(document: Document, main: ParentNode): Extraction | undefined {
  const rows = visibleAll(main, listSelectors.row);
  const lines = rows.map(rowLine).filter((line): line is string => !!line);
  if (lines.length === 0) return undefined;
  const unread = rows.filter((row) => row.classList.contains('zE')).length;
  // "Inbox (1,204) - dana@example.com - Gmail": the view's name is the title's first part.
  const view = oneLine(document.title.split(' - ')[0] ?? '') || 'Mail';
  const tab = oneLine(textOf(visibleFirst(main, listSelectors.selectedTab)));
  const heading = `${view}${tab ? ` · ${tab}` : ''}: ${lines.length} conversation${lines.length === 1 ? '' : 's'} shown${unread ? `, ${unread} unread` : ''}`;
  return {
    title: view,
    site: 'gmail',
    kind: 'generic',
    ...(main !== document ? { scope: main as Element } : {}),
    notContent: listSelectors.list,
    sections: [{ heading, markdown: lines.join('\n') }],
  };
}

export const gmail: SiteExtractor = {
  id: 'gmail',
  matches: isGmailHost,
  extract(document): Extraction | undefined {
    const main = visibleFirst(document, '[role="main"]') ?? document;
    const subject = textOf(visibleFirst(main, selectors.subject));
    const thread = subject ? messages(main) : [];
    if (!subject || thread.length === 0) return inboxOf(document, main);
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
