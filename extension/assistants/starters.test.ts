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
  it('offers a built-in assistant’s starters when the catalog is in the panel’s language', () => {
    expect(startersFor(assistant('built-in'), 'en', 'en-US')).toEqual(['Brief me on this account']);
    expect(startersFor(assistant('built-in'), 'en', 'en')).toEqual(['Brief me on this account']);
    expect(startersFor(assistant('built-in'), 'fr', 'fr-FR')).toEqual(['Brief me on this account']);
  });

  it('offers none from a catalog in another language (a server without French): the panel’s own questions then', () => {
    expect(startersFor(assistant('built-in'), 'en', 'fr')).toEqual([]);
  });

  it('offers an administrator’s starters as written, whatever the panel’s language', () => {
    expect(startersFor(assistant('admin'), 'en', 'fr-FR')).toEqual(['Brief me on this account']);
    expect(startersFor(undefined, 'en', 'en')).toEqual([]);
  });
});
