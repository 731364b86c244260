import { describe, expect, it } from 'vitest';
import type { AssistantSummary } from '../../shared/assistants';
import { mentionAt, mentionCandidates, withoutMention } from './mention';

const assistant = (id: string, name: string): AssistantSummary => ({
  id,
  name,
  description: name,
  icon: '•',
  model: 'default',
  source: 'built-in',
  version: 1,
  tools: [],
  knowledge: { spaces: ['*'], customerFacing: false },
  suggestOn: [],
  starters: [],
  quickActions: [],
});
const catalog = [
  assistant('general', 'General'),
  assistant('sales', 'Sales'),
  assistant('support-resolver', 'Support Resolver'),
  assistant('support-investigator', 'Support Investigator'),
  assistant('meeting-notes', 'Meeting notes → CRM'),
  assistant('hr-policy', 'HR policy'),
  assistant('releve', 'Relevé général'),
];

describe('@mention in the composer', () => {
  it('finds the mention the caret is in, at the start or after a space only', () => {
    expect(mentionAt('@sa', 3)).toEqual({ start: 0, end: 3, text: 'sa' });
    expect(mentionAt('ask @', 5)).toEqual({ start: 4, end: 5, text: '' });
    expect(mentionAt('hello\n@inv', 10)).toEqual({ start: 6, end: 10, text: 'inv' });
    // An e-mail address is not a mention, nor is text after the word.
    expect(mentionAt('jo@acme', 7)).toBeUndefined();
    expect(mentionAt('@sales and more', 15)).toBeUndefined();
    // The caret decides: inside an earlier mention, that one.
    expect(mentionAt('@sa then', 3)).toEqual({ start: 0, end: 3, text: 'sa' });
  });

  it('filters by the start of any word of the name, or the id, ignoring case and accents', () => {
    const names = (typed: string) => mentionCandidates(catalog, typed).map((found) => found.id);
    expect(names('')).toHaveLength(catalog.length);
    expect(names('inv')).toEqual(['support-investigator']);
    expect(names('SUP')).toEqual(['support-resolver', 'support-investigator']);
    expect(names('crm')).toEqual(['meeting-notes']);
    expect(names('hr')).toEqual(['hr-policy']);
    expect(names('gene')).toEqual(['general', 'releve']);
    expect(names('relev')).toEqual(['releve']);
    expect(names('zzz')).toEqual([]);
  });

  it('takes the @word out of the text once chosen, leaving the rest and the caret where it was', () => {
    expect(withoutMention('@inv why?', { start: 0, end: 4, text: 'inv' })).toEqual({ text: 'why?', caret: 0 });
    expect(withoutMention('ask @sa', { start: 4, end: 7, text: 'sa' })).toEqual({ text: 'ask ', caret: 4 });
  });
});
