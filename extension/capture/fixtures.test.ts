import { describe, expect, it } from 'vitest';
import { renderPageBlock } from '../../worker/prompt/page-block';
import { capturePage } from './registry';
import { factsOf, fixtureNames, scoreFacts, unexpectedlyMissing } from './testing/facts';
import { loadExpected, loadFixture } from './testing/pages';

/**
 * defuddle-style: every test/fixtures/pages/*.html with an expected file beside it. The visible facts the file
 * lists must all reach the prompt text the worker renders from the capture, and nothing hidden may. Here under
 * linkedom (declared styles, no layout), except the pages only a layout engine reads right; all of them run in
 * Chromium too (test/e2e/fixtures.e2e.test.ts).
 */
const names = fixtureNames().filter((name) => !loadExpected(name).layoutOnly);

describe('every fixture page', () => {
  it('has fixtures to check', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of names) {
    it(`${name}: every visible fact reaches the prompt, no hidden text does`, () => {
      const budget = name.includes('long-ticket') ? 50_000 : 6_000;
      const page = capturePage(loadFixture(name), { tokenBudget: budget });
      const prompt = renderPageBlock(page, budget).text;
      const expected = loadExpected(name);
      expect(page.site).toBe(expected.site);
      const score = scoreFacts(prompt, factsOf(expected));
      expect(unexpectedlyMissing(score.missing, expected), 'missing facts (beyond the known gaps)').toEqual([]);
      expect(score.leaks, 'hidden text leaked').toEqual([]);
    });
  }
});
