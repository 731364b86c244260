import { describe, expect, it } from 'vitest';
import { capturePage } from '../registry';
import { loadFixture } from '../testing/pages';

describe('reddit', () => {
  it('keeps who replied to whom in a nested thread, in reading order, without hidden text', () => {
    const page = capturePage(loadFixture('reddit--nested-comments'));
    expect(page.site).toBe('reddit');
    expect(page.conversation?.messages.map((message) => message.author)).toEqual([
      'netadmin_jo',
      'alice',
      'bob (↳ replying to alice)',
      'alice (↳ replying to bob)',
      'carol',
      'bob (↳ replying to carol)',
    ]);
    expect(page.conversation?.messages[2]?.text).toBe('Rollback failed for us with error 0x800f0922.');
    expect(page.markdown).not.toContain('HIDDEN-REPLY-MARKER');
  });
});
