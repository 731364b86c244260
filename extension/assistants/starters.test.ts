import { describe, expect, it } from 'vitest';
import type { AssistantSummary } from '../../shared/assistants';
import { startersFor } from './starters';

const assistant = (source: AssistantSummary['source']): AssistantSummary => ({
  id: 'x1',
  name: 'X',
  description: 'X',
  icon: '•',
  model: 'default',
  source,
  version: 1,
  tools: [],
  knowledge: { spaces: ['*'], customerFacing: false },
  suggestOn: [],
  starters: ['Brief me on this account'],
  quickActions: [],
});

describe('starter prompts in the empty panel', () => {
  it('offers a built-in assistant’s English starters in an English panel only', () => {
    expect(startersFor(assistant('built-in'), 'en-US')).toEqual(['Brief me on this account']);
    expect(startersFor(assistant('built-in'), 'en')).toEqual(['Brief me on this account']);
    expect(startersFor(assistant('built-in'), 'fr')).toEqual([]);
  });

  it('offers an administrator’s starters as written, whatever the panel’s language', () => {
    expect(startersFor(assistant('admin'), 'fr-FR')).toEqual(['Brief me on this account']);
    expect(startersFor(undefined, 'en')).toEqual([]);
  });
});
