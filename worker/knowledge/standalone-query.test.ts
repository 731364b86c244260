import { describe, expect, it } from 'vitest';
import { standaloneQuery } from './standalone-query';

describe('standaloneQuery', () => {
  it('searches a first question as asked', () => {
    expect(standaloneQuery(['What is the multi-year discount?'])).toEqual({
      query: 'What is the multi-year discount?',
      rewritten: false,
    });
  });

  it('carries the topic of the previous question into a short follow-up', () => {
    const result = standaloneQuery(['What multi-year discount can I offer?', 'and for three years?']);
    expect(result?.rewritten).toBe(true);
    expect(result?.query).toMatch(/^and for three years\? /);
    expect(result?.query).toContain('multi');
    expect(result?.query).toContain('discount');
  });

  it('carries the topic when the follow-up points back with a pronoun', () => {
    const result = standaloneQuery([
      'Which embeddings provider does Anthropic recommend?',
      'How can I access and deploy them on a cloud marketplace?',
    ]);
    expect(result?.rewritten).toBe(true);
    expect(result?.query).toContain('embeddings');
  });

  it('leaves a self-contained later question alone', () => {
    const question = 'How do I configure SAML single sign-on for the enterprise plan?';
    expect(standaloneQuery(['What is the refund policy?', question])).toEqual({ query: question, rewritten: false });
  });

  it('does not search for a request about the answer itself', () => {
    expect(standaloneQuery(['pricing?', 'shorter please'])).toBeUndefined();
    expect(standaloneQuery(['pricing?', 'Thanks!'])).toBeUndefined();
    expect(standaloneQuery(['pricing?', 'rewrite it in French'])).toBeUndefined();
  });

  it('takes the most recent question first and carries at most eight words', () => {
    const result = standaloneQuery([
      'alpha bravo charlie delta echo foxtrot golf hotel india juliet',
      'kilo lima mike',
      'and that?',
    ]);
    const carried = result?.query.replace('and that? ', '').split(' ') ?? [];
    expect(carried.slice(0, 3)).toEqual(['kilo', 'lima', 'mike']);
    expect(carried).toHaveLength(8);
  });

  it('needs a question', () => {
    expect(standaloneQuery([])).toBeUndefined();
    expect(standaloneQuery(['   '])).toBeUndefined();
  });
});
