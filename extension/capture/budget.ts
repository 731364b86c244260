import type { ConversationMessage, RecordField, RecordSummary, RelatedList } from '../../shared/page-context';
import {
  joinParts,
  renderActivity,
  renderConversationHeading,
  renderFields,
  renderHeader,
  renderMessage,
  renderOmitted,
  renderParts,
  renderRelated,
  renderSection,
} from './render';
import type { Extraction, MarkdownSection } from './types';

/**
 * Fits an extraction into a character budget by priority instead of cutting the end off: the title and the
 * record's fields first, then the first message and the newest ones (what was asked, and where things stand),
 * then activity and related lists, then free-form sections. Whatever is left out is said in the Markdown.
 */
export interface Fitted {
  extraction: Extraction;
  markdown: string;
  truncated: boolean;
}

const separator = 2; // the blank line between parts
const cutNote = ' …_[cut to fit the budget]_';

/** Cuts at a paragraph, sentence or word boundary, and says so. */
export function cutText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const room = Math.max(0, maxChars - cutNote.length);
  const window = text.slice(0, room);
  const boundary = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('. ') + 1, window.lastIndexOf(' '));
  const kept = (boundary > room * 0.6 ? window.slice(0, boundary) : window).trimEnd();
  return kept + cutNote;
}

class Allowance {
  used = 0;
  constructor(readonly max: number) {}
  get left(): number {
    return Math.max(0, this.max - this.used - separator);
  }
  take(text: string): boolean {
    if (!text) return true;
    if (text.length > this.left) return false;
    this.used += text.length + separator;
    return true;
  }
}

function fitFields(fields: readonly RecordField[], allowance: Allowance): RecordField[] {
  if (renderFields(fields).length <= allowance.left) {
    allowance.take(renderFields(fields));
    return [...fields];
  }
  // Long values (descriptions pasted into a field) give way before any field is dropped.
  const shortened = fields.map((field) => ({ ...field, value: cutText(field.value, 200) }));
  const kept: RecordField[] = [];
  for (const field of shortened) {
    if (renderFields([...kept, field]).length > allowance.left) break;
    kept.push(field);
  }
  allowance.take(renderFields(kept));
  return kept;
}

function fitMessage(
  message: ConversationMessage,
  allowance: Allowance,
  share: number,
): ConversationMessage | undefined {
  const cap = Math.max(300, Math.floor(allowance.left * share));
  const overhead = renderMessage({ ...message, text: '' }).length;
  const text = cutText(message.text, Math.min(cap, allowance.left) - overhead);
  if (text.length < Math.min(80, message.text.length)) return undefined; // not worth a stub
  const fitted = { ...message, text };
  return allowance.take(renderMessage(fitted)) ? fitted : undefined;
}

interface FittedConversation {
  messages: ConversationMessage[];
  omitted: number;
  parts: string[];
}

function fitMessages(
  messages: readonly ConversationMessage[],
  allowance: Allowance,
  alreadyOmitted: number,
): FittedConversation {
  const [first, ...rest] = messages;
  if (!first) return { messages: [], omitted: 0, parts: [] };
  // Room for the heading and the "omitted" note, so they always fit once messages are chosen.
  allowance.used += 200;
  const keptFirst = fitMessage(first, allowance, 0.3);
  const newest: ConversationMessage[] = [];
  for (let index = rest.length - 1; index >= 0; index--) {
    const message = rest[index] as ConversationMessage;
    const fitted = fitMessage(message, allowance, newest.length === 0 ? 0.6 : 0.3);
    if (!fitted) break;
    newest.unshift(fitted);
  }
  allowance.used -= 200;
  const kept = keptFirst ? [keptFirst, ...newest] : newest;
  const omitted = messages.length - kept.length + alreadyOmitted;
  const heading = renderConversationHeading(kept, omitted);
  allowance.take(heading);
  const parts = [heading];
  if (keptFirst) parts.push(renderMessage(keptFirst));
  if (omitted > 0) {
    const note = renderOmitted(omitted);
    allowance.take(note);
    parts.push(note);
  }
  // One push per part here and below: spreading a page-sized list into one call throws past ~120,000 items.
  for (const message of newest) parts.push(renderMessage(message));
  return { messages: kept, omitted, parts };
}

function fitRecordExtras(record: RecordSummary, allowance: Allowance) {
  const activity: string[] = [];
  for (const line of record.activity) {
    if (renderActivity([...activity, line]).length > allowance.left) break;
    activity.push(line);
  }
  const parts: string[] = [];
  if (activity.length > 0 && allowance.take(renderActivity(activity))) parts.push(renderActivity(activity));
  const related: RelatedList[] = [];
  const relatedParts: string[] = [];
  for (const list of record.related) {
    for (let rows = list.rows.length; rows >= 0; rows--) {
      const trimmed = { ...list, rows: list.rows.slice(0, rows) };
      if (allowance.take(renderRelated(trimmed))) {
        related.push(trimmed);
        relatedParts.push(renderRelated(trimmed));
        break;
      }
    }
  }
  if (relatedParts.length > 0) parts.push('## Related lists');
  for (const part of relatedParts) parts.push(part);
  return { activity, related, parts };
}

function fitSections(sections: readonly MarkdownSection[], allowance: Allowance) {
  const kept: MarkdownSection[] = [];
  for (const section of sections) {
    const rendered = renderSection(section);
    if (allowance.take(rendered)) {
      kept.push(section);
      continue;
    }
    const overhead = rendered.length - section.markdown.length;
    if (allowance.left - overhead > 200) {
      const cut = { ...section, markdown: cutText(section.markdown, allowance.left - overhead) };
      allowance.take(renderSection(cut));
      kept.push(cut);
    }
    break;
  }
  return { sections: kept, parts: kept.map(renderSection) };
}

export function fitToBudget(extraction: Extraction, maxChars: number): Fitted {
  const full = joinParts(renderParts(extraction));
  if (full.length <= maxChars) return { extraction, markdown: full, truncated: false };

  const allowance = new Allowance(maxChars);
  const header = cutText(renderHeader(extraction), Math.min(500, maxChars));
  allowance.take(header);
  const parts = [header];
  const fitted: Extraction = { ...extraction };
  const { record, conversation } = extraction;

  if (record) {
    const fields = fitFields(record.fields, allowance);
    parts.push(renderFields(fields));
    const extras = fitRecordExtras(record, allowance);
    for (const part of extras.parts) parts.push(part);
    fitted.record = { ...record, fields, activity: extras.activity, related: extras.related };
  }
  if (conversation) {
    const fields = fitFields(conversation.fields, allowance);
    parts.push(renderFields(fields));
    const messages = fitMessages(conversation.messages, allowance, conversation.omittedMessages);
    for (const part of messages.parts) parts.push(part);
    fitted.conversation = {
      ...conversation,
      fields,
      messages: messages.messages,
      omittedMessages: messages.omitted,
    };
  }
  const sections = fitSections(extraction.sections ?? [], allowance);
  for (const part of sections.parts) parts.push(part);
  fitted.sections = sections.sections;

  // The estimate above is conservative; the hard cut is only a guard against a pathological header.
  const markdown = joinParts(parts).slice(0, maxChars);
  return { extraction: fitted, markdown, truncated: true };
}
