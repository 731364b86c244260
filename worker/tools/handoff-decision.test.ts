import { describe, expect, it } from 'vitest';
import { handoffDecider, readHandoffThreshold, retrievalConfidence } from './handoff-decision';

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
  });

  it('hands on at most once per question, and never to itself', async () => {
    const decide = handoffDecider(policy);
    expect((await decide({ confidence: 0.1, note: 'a' })).handedOff).toBe(true);
    expect((await decide({ confidence: 0.1, note: 'b' })).handedOff).toBe(false);
    const self = handoffDecider({ ...policy, to: 'support-resolver' });
    expect((await self({ confidence: 0, note: 'x' })).handedOff).toBe(false);
  });

  it('scores retrieval from the passages found: none → 0, a top passage ranked first everywhere → 1', () => {
    expect(retrievalConfidence([], 0.03)).toBe(0);
    expect(retrievalConfidence([0.03, 0.01], 0.03)).toBe(1);
    expect(retrievalConfidence([0.006], 0.03)).toBeCloseTo(0.2);
  });

  it('reads HANDOFF_THRESHOLD (default 0.5) and refuses values outside 0–1', () => {
    expect(readHandoffThreshold(undefined)).toEqual({ threshold: 0.5 });
    expect(readHandoffThreshold('0.3')).toEqual({ threshold: 0.3 });
    expect(readHandoffThreshold('2').problem).toContain('HANDOFF_THRESHOLD');
    expect(readHandoffThreshold('high').problem).toContain('HANDOFF_THRESHOLD');
  });
});
