import { describe, expect, it } from 'vitest';
import { retrievalCoverage } from '../knowledge/coverage';
import { FUSION } from '../knowledge/retrieve';
import { handoffDecider, readHandoffThreshold } from './handoff-decision';

describe('hand-off on confidence', () => {
  const policy = { threshold: 0.5, from: 'support-resolver', to: 'support-investigator', retrieval: 0.9 };

  it('hands on below the threshold, using the lower of the model and the retrieval confidence', async () => {
    const decide = handoffDecider({ ...policy, retrieval: 0.2 });
    const output = await decide({ confidence: 0.9, note: 'no policy covers refunds after 90 days' });
    expect(output).toMatchObject({ handedOff: true, to: 'support-investigator', confidence: 0.2 });
    expect(output.message).toContain('no policy covers refunds after 90 days');
  });

  it('keeps the question when confident', async () => {
    const output = await handoffDecider(policy)({ confidence: 0.8, note: 'covered by the refund policy' });
    expect(output).toMatchObject({ handedOff: false, confidence: 0.8 });
    expect(output.needsHuman).toBeUndefined();
  });

  it('hands on at most once per question, and never to itself: then a person must look', async () => {
    const decide = handoffDecider(policy);
    expect((await decide({ confidence: 0.1, note: 'a' })).handedOff).toBe(true);
    expect(await decide({ confidence: 0.1, note: 'b' })).toMatchObject({ handedOff: false, needsHuman: true });
    const self = handoffDecider({ ...policy, to: 'support-resolver' });
    const refused = await self({ confidence: 0, note: 'x' });
    expect(refused).toMatchObject({ handedOff: false, needsHuman: true });
    expect(refused.message).toContain('Needs a human');
  });

  it('scores retrieval coverage: none → 0, a passage both searches rank first → 1, one side → its share', () => {
    const first = (FUSION.keywordWeight + FUSION.vectorWeight) / (FUSION.k + 1);
    expect(retrievalCoverage([], 'hybrid')).toBe(0);
    expect(retrievalCoverage([{ score: first }, { score: first / 3 }], 'hybrid')).toBe(1);
    expect(retrievalCoverage([{ score: FUSION.vectorWeight / (FUSION.k + 1) }], 'hybrid')).toBeCloseTo(0.26, 2);
    expect(retrievalCoverage([{ score: 12.5 }], 'keyword')).toBeCloseTo(0.74, 2);
    expect(retrievalCoverage([], 'keyword')).toBe(0);
  });

  it('reads HANDOFF_THRESHOLD (default 0.5) and refuses values outside 0–1', () => {
    expect(readHandoffThreshold(undefined)).toEqual({ threshold: 0.5 });
    expect(readHandoffThreshold('0.3')).toEqual({ threshold: 0.3 });
    expect(readHandoffThreshold('0')).toEqual({ threshold: 0 });
    expect(readHandoffThreshold('2').problem).toContain('HANDOFF_THRESHOLD');
    expect(readHandoffThreshold('high').problem).toContain('HANDOFF_THRESHOLD');
    expect(readHandoffThreshold('-0.1').problem).toContain('from 0 to 1');
  });
});
