import type { ConversationMessage, RecordField, RelatedList } from '../../shared/page-context';
import type { Extraction, MarkdownSection } from './types';

/**
 * Typed extraction → the Markdown the model reads. Each part renders on its own so the budget can weigh and
 * choose parts before joining them; the Markdown is a rendering of the typed data, never a second source.
 */

const nouns = { issue: 'Issue', pullRequest: 'Pull request' } as const;

const oneLine = (value: string) => value.replace(/(?<!\s)\s*\n\s*/g, ' ');

export function renderHeader(extraction: Extraction): string {
  const { record, conversation } = extraction;
  if (record) {
    const id = record.id ? `\nID: ${record.id}` : '';
    return `# ${record.objectType}: ${record.name}${id}`;
  }
  if (conversation) {
    const number = conversation.id ? ` #${conversation.id}` : '';
    const noun = conversation.noun ? nouns[conversation.noun] : 'Ticket';
    const kind = extraction.kind === 'ticket' ? `${noun}${number}: ` : '';
    return `# ${kind}${conversation.subject ?? extraction.title}`;
  }
  if (extraction.sections?.[0]?.markdown.startsWith('# ')) return '';
  return extraction.title ? `# ${extraction.title}` : '';
}

export function renderFields(fields: readonly RecordField[]): string {
  return fields.map(({ label, value }) => `- ${label}: ${value.replace(/\n/g, '\n  ')}`).join('\n');
}

export function renderConversationHeading(messages: readonly ConversationMessage[], omitted: number): string {
  const total = messages.length + omitted;
  const internal = messages.filter((message) => message.visibility === 'internal').length;
  const notes = internal > 0 ? `, ${internal} internal` : '';
  return `## Conversation (${total} message${total === 1 ? '' : 's'}${notes})`;
}

/** "Yesterday 17:20 (2026-11-30T17:20:00+01:00)": what the person sees first, the page's own instant beside it. */
export function renderTime({ time, shownTime }: Pick<ConversationMessage, 'time' | 'shownTime'>): string {
  if (shownTime && time) return ` · ${shownTime} (${time})`;
  const only = shownTime ?? time;
  return only ? ` · ${only}` : '';
}

export function renderMessage(message: ConversationMessage): string {
  const traits = [
    message.role === 'other' ? '' : message.role,
    message.visibility === 'internal' ? 'internal note' : '',
  ]
    .filter(Boolean)
    .join(', ');
  const who = traits ? `${message.author} (${traits})` : message.author;
  const when = renderTime(message);
  // A heading inside a message must not read as the start of the next message.
  const text = message.text.replace(/^#{1,6} (.+)$/gm, '**$1**');
  return `### ${who}${when}\n\n${text}`;
}

export function renderOmitted(count: number): string {
  return `_[${count} message${count === 1 ? '' : 's'} omitted here to fit the budget: the first message and the newest ones are kept]_`;
}

export function renderRelated(list: RelatedList): string {
  const count = list.count === undefined ? '' : ` (${list.count})`;
  const rows = list.rows.map((row) => `- ${row.map(({ label, value }) => `${label}: ${oneLine(value)}`).join(' · ')}`);
  return [`### ${list.name}${count}`, ...rows].join('\n');
}

export function renderActivity(lines: readonly string[]): string {
  return ['## Activity', ...lines.map((line) => `- ${oneLine(line)}`)].join('\n');
}

export function renderSection(section: MarkdownSection): string {
  return section.heading ? `## ${section.heading}\n\n${section.markdown}` : section.markdown;
}

/** Everything, in priority order, with no budget applied. */
export function renderParts(extraction: Extraction): string[] {
  const parts = [renderHeader(extraction)];
  const { record, conversation } = extraction;
  if (record) {
    parts.push(renderFields(record.fields));
    if (record.activity.length > 0) parts.push(renderActivity(record.activity));
    if (record.related.length > 0) parts.push('## Related lists');
    for (const list of record.related) parts.push(renderRelated(list));
  }
  if (conversation) {
    parts.push(renderFields(conversation.fields));
    if (conversation.messages.length > 0) {
      parts.push(renderConversationHeading(conversation.messages, conversation.omittedMessages));
      const [first, ...rest] = conversation.messages.map(renderMessage);
      parts.push(first ?? '');
      if (conversation.omittedMessages > 0) parts.push(renderOmitted(conversation.omittedMessages));
      for (const message of rest) parts.push(message);
    }
  }
  // One push per part: a page of more than about 120,000 messages or sections spread into one call would throw.
  for (const section of extraction.sections ?? []) parts.push(renderSection(section));
  return parts.filter(Boolean);
}

export const joinParts = (parts: readonly string[]) => parts.filter(Boolean).join('\n\n');
