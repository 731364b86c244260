import { describe, expect, it } from 'vitest';
import { assignedKeys } from './commands';

describe('assignedKeys', () => {
  it('keeps only the keys the browser assigned, never an empty (unassigned) one', () => {
    const keys = assignedKeys([
      { name: '_execute_action', description: '', shortcut: 'Alt+B' },
      { name: 'summarize-page', description: 'Summarize this page', shortcut: '' },
      { name: 'follow-up-email', description: 'Draft a follow-up email', shortcut: 'Alt+Shift+F' },
    ]);
    expect([...keys]).toEqual([
      ['_execute_action', 'Alt+B'],
      ['follow-up-email', 'Alt+Shift+F'],
    ]);
    expect(keys.has('summarize-page')).toBe(false);
  });
});
