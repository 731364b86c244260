import { describe, expect, it } from 'vitest';
import { answeredByOf } from './answered-by';

const names = (id: string) => ({ sales: 'Sales' })[id];

describe('who answered, under an answer', () => {
  it('reads the streamed metadata: the assistant, the alias and the model that actually answered', () => {
    const metadata = {
      assistant: { id: 'sales', name: 'Sales', version: 1 },
      modelAlias: 'smart',
      answeredBy: { alias: 'smart', provider: 'claude', model: 'claude-sonnet-4-5' },
    };
    expect(answeredByOf(metadata, names)).toEqual({ assistant: 'Sales', model: 'smart (claude-sonnet-4-5)' });
  });

  it('shows the alias alone before the model is known (the start part)', () => {
    const metadata = { assistant: { id: 'sales', name: 'Sales', version: 1 }, modelAlias: 'default' };
    expect(answeredByOf(metadata, names)).toEqual({ assistant: 'Sales', model: 'default' });
  });

  it('names a stored assistant id from the catalog, and keeps an id the catalog no longer has', () => {
    expect(answeredByOf({ status: 'complete', assistant: 'sales', model: 'gpt-4o-mini' }, names)).toEqual({
      assistant: 'Sales',
      model: 'gpt-4o-mini',
    });
    expect(answeredByOf({ assistant: 'gone-one', model: null }, names)).toEqual({ assistant: 'gone-one' });
  });

  it('says nothing without an assistant (an answer from before assistants, or no metadata)', () => {
    expect(answeredByOf(undefined, names)).toEqual({});
    expect(answeredByOf({ status: 'complete', assistant: null, model: 'x' }, names)).toEqual({ model: 'x' });
  });

  it('names a streamed assistant as the catalog does, in the panel’s language', () => {
    const metadata = { assistant: { id: 'sales', name: 'Sales', version: 1 }, modelAlias: 'default' };
    expect(answeredByOf(metadata, (id) => ({ sales: 'Ventes' })[id])).toEqual({
      assistant: 'Ventes',
      model: 'default',
    });
    expect(answeredByOf(metadata, () => undefined)).toEqual({ assistant: 'Sales', model: 'default' });
  });
});
