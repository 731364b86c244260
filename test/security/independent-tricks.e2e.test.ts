import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiddenMarker, type OwnPageCapture, ownPageCapture, seenMarker } from './support/own-page-capture';

/**
 * Ways of hiding text, and unusual layouts that show it, written by a tester who did not look at the judge or at
 * hidden-text-tricks.ts (independent-tricks.json). Each runs on a page of its own, in Chromium, through the capture
 * code the panel injects: HIDDEN must stay out of what is captured, SEEN must get in. Entries with a `gap` are
 * the known gaps, said in test/security/README.md, and are not run: fixing one means removing its `gap`.
 */
interface Entry {
  id: string;
  kind: 'trick' | 'control';
  why: string;
  html: string;
  gap?: string;
}

const entries: Entry[] = JSON.parse(readFileSync(resolve(import.meta.dirname, 'independent-tricks.json'), 'utf8'));
describe('tricks written without looking at the judge, in Chromium', () => {
  let pages: OwnPageCapture;

  beforeAll(async () => {
    pages = await ownPageCapture();
  });
  afterAll(async () => {
    await pages?.close();
  });

  it('has tricks and controls to run, and says why each gap is one', () => {
    expect(entries.filter((entry) => entry.kind === 'trick' && !entry.gap).length).toBeGreaterThanOrEqual(20);
    expect(entries.filter((entry) => entry.kind === 'control' && !entry.gap).length).toBeGreaterThanOrEqual(10);
    for (const entry of entries) if ('gap' in entry) expect(entry.gap, entry.id).toMatch(/\w{3}/);
  });

  for (const entry of entries.filter((candidate) => !candidate.gap)) {
    it(`${entry.kind} ${entry.id}: ${entry.kind === 'trick' ? 'HIDDEN stays out, SEEN gets in' : 'SEEN gets in'}`, async () => {
      const markdown = await pages.captured(entry.html);
      if (entry.kind === 'trick') expect(markdown, entry.why).not.toContain(hiddenMarker);
      expect(markdown, entry.why).toContain(seenMarker);
    });
  }
});
