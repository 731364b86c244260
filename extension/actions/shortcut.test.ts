import { describe, expect, it } from 'vitest';
import { shortcutMatches } from './shortcut';

const key = (
  code: string,
  key: string,
  modifiers: Partial<Record<'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey', boolean>> = {},
) => ({
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  code,
  key,
  ...modifiers,
});

describe('shortcutMatches', () => {
  it('matches the exact modifiers and the physical key', () => {
    expect(shortcutMatches('Alt+Shift+E', key('KeyE', 'E', { altKey: true, shiftKey: true }))).toBe(true);
    // macOS: Alt+Shift+E types "´", but the physical key is still E.
    expect(shortcutMatches('Alt+Shift+E', key('KeyE', '´', { altKey: true, shiftKey: true }))).toBe(true);
  });

  it('rejects missing or extra modifiers and other keys', () => {
    expect(shortcutMatches('Alt+Shift+E', key('KeyE', 'e', { altKey: true }))).toBe(false);
    expect(shortcutMatches('Alt+Shift+E', key('KeyE', 'E', { altKey: true, shiftKey: true, ctrlKey: true }))).toBe(
      false,
    );
    expect(shortcutMatches('Alt+Shift+E', key('KeyR', 'R', { altKey: true, shiftKey: true }))).toBe(false);
  });
});
