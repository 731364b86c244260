/** Does a keydown match a command key such as "Alt+Shift+S"? By physical key, so Alt on macOS still matches. */
export function shortcutMatches(
  shortcut: string,
  event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code' | 'key'>,
): boolean {
  const parts = shortcut.split('+').map((part) => part.trim().toLowerCase());
  const key = parts.at(-1) ?? '';
  const wants = new Set(parts.slice(0, -1));
  if (event.altKey !== wants.has('alt')) return false;
  if (event.shiftKey !== wants.has('shift')) return false;
  if (event.ctrlKey !== (wants.has('ctrl') || wants.has('macctrl'))) return false;
  if (event.metaKey !== wants.has('command')) return false;
  const code = event.code.toLowerCase();
  return code === `key${key}` || code === `digit${key}` || event.key.toLowerCase() === key;
}
