import type { UIMessage } from 'ai';
import type { HistoryNotice } from '../../shared/chat';
import { CHARS_PER_TOKEN } from './tokens';

/** A budget below this would leave no room to say anything; a misconfigured tiny budget still works. */
const MIN_BUDGET_CHARS = 1_000;

export interface FittedHistory extends HistoryNotice {
  /** The messages the model gets, in conversation order. */
  messages: UIMessage[];
}

function textOf(message: UIMessage): string {
  return message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

const cutNote = (chars: number) =>
  `\n[… ${chars.toLocaleString('en-US')} more characters of this message were left out to fit the conversation budget]`;

/** The message as one text part of at most `maxChars` characters, saying what was cut. */
function shorten(message: UIMessage, maxChars: number): { message: UIMessage; chars: number; shortened: boolean } {
  const text = textOf(message);
  if (text.length <= maxChars) return { message, chars: text.length, shortened: false };
  const kept = text.slice(0, Math.max(0, maxChars - cutNote(text.length).length));
  const shortenedText = kept + cutNote(text.length - kept.length);
  return {
    // Tool parts (an approved call the person is answering) stay: only the text is shortened.
    message: {
      ...message,
      parts: [{ type: 'text', text: shortenedText }, ...message.parts.filter((p) => p.type !== 'text')],
    },
    chars: shortenedText.length,
    shortened: true,
  };
}

/**
 * Fits a conversation (text parts only, the last message from the person) into `tokenBudget`, estimated like the
 * page budget. What the model needs most is kept first: the latest message (shortened, with a note, if it alone is
 * too long), then the first question (what the conversation is about; given at least a quarter of the budget),
 * then as many of the most recent messages as fit. Older ones are dropped first, as a block, so what remains reads
 * as a continuous conversation after the opening.
 */
export function fitHistory(messages: UIMessage[], tokenBudget: number): FittedHistory {
  const budget = Math.max(MIN_BUDGET_CHARS, tokenBudget * CHARS_PER_TOKEN);
  const total = messages.length;
  const last = total - 1;
  const first = messages.findIndex((message) => message.role === 'user');
  if (total === 0) return { messages: [], omitted: 0, total: 0, shortened: 0 };

  const kept = new Map<number, UIMessage>();
  let shortened = 0;
  let room = budget;
  const keep = (index: number, maxChars: number) => {
    const fitted = shorten(messages[index] as UIMessage, maxChars);
    kept.set(index, fitted.message);
    room -= fitted.chars;
    if (fitted.shortened) shortened++;
  };

  if (first < 0 || first === last) {
    keep(last, room);
  } else {
    const openingReserve = Math.min(textOf(messages[first] as UIMessage).length, Math.floor(budget / 4));
    keep(last, budget - openingReserve);
    keep(first, room);
    for (let index = last - 1; index > first; index--) {
      const size = textOf(messages[index] as UIMessage).length;
      if (size > room) break;
      kept.set(index, messages[index] as UIMessage);
      room -= size;
    }
  }

  const fitted = [...kept.entries()].sort(([a], [b]) => a - b).map(([, message]) => message);
  return { messages: fitted, omitted: total - fitted.length, total, shortened };
}

/** The instructions, with a line saying what was left out, so the model does not take the gap for the whole story. */
export function withHistoryNote(instructions: string, history: HistoryNotice): string {
  if (history.omitted === 0) return instructions;
  return `${instructions}\n\nConversation note: ${history.omitted} of the ${history.total} messages of this conversation (the oldest after the first question) were left out to fit the conversation budget. If the person refers to something you cannot see, say so and ask them to repeat it.`;
}
