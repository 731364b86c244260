import type { ConversationMessage } from '../../shared/page-context';

/**
 * Reads only the messages a budget can hold: the first one, then the newest backwards until the budget is
 * spent. A ticket with hundreds of messages would otherwise cost a full read of text the budget then drops
 * (the budget step still trims what this lets through). `skipped` are the messages between the two, unread.
 */
export function readWithinBudget(
  items: readonly Element[],
  read: (item: Element) => ConversationMessage,
  maxChars: number,
): { messages: ConversationMessage[]; skipped: number } {
  const [first, ...rest] = items;
  if (!first) return { messages: [], skipped: 0 };
  const opening = read(first);
  let spent = opening.text.length;
  const newest: ConversationMessage[] = [];
  for (let index = rest.length - 1; index >= 0 && spent < maxChars; index--) {
    const message = read(rest[index] as Element);
    spent += message.text.length + message.author.length + 40;
    newest.unshift(message);
  }
  return { messages: [opening, ...newest], skipped: rest.length - newest.length };
}
