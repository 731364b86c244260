import { describe, expect, it } from 'vitest';
import { describeToolCall, humanize } from './tool-calls';

describe('describeToolCall', () => {
  it('names an MCP tool and its system, and lists its arguments in plain words', () => {
    expect(describeToolCall('mcp__crm__update_stage', { account: 'Acme Corp', stage: 'Closed Won' })).toEqual({
      title: 'Update stage',
      server: 'crm',
      fields: [
        { label: 'Account', value: 'Acme Corp' },
        { label: 'Stage', value: 'Closed Won' },
      ],
    });
  });

  it('shows built-in tools, lists, nested values and missing values as text', () => {
    const described = describeToolCall('read_page', {
      fields: ['Stage', 'Amount'],
      options: { all: true },
      note: null,
    });
    expect(described.title).toBe('Read page');
    expect(described.server).toBeUndefined();
    expect(described.fields).toEqual([
      { label: 'Fields', value: 'Stage, Amount' },
      { label: 'Options', value: '{"all":true}' },
      { label: 'Note', value: '—' },
    ]);
  });

  it('shortens long values so the card fits the panel', () => {
    const [field] = describeToolCall('mcp__crm__log_activity', { note: 'x'.repeat(5_000) }).fields;
    expect(field!.value.length).toBe(300);
    expect(field!.value.endsWith('…')).toBe(true);
  });

  it('humanizes snake, kebab and camel case', () => {
    expect(humanize('lookup_account')).toBe('Lookup account');
    expect(humanize('lookupAccount')).toBe('Lookup account');
    expect(humanize('close-deal')).toBe('Close deal');
  });
});
