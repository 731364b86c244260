import { describe, expect, it } from 'vitest';
import { describeCapture } from '../describe';
import { capturePage } from '../registry';
import { loadFixture, loadPage, sharedPage } from '../testing/pages';

describe('github', () => {
  it('captures a pull request: state, author, branches, reviewers, comments and review comments on files', () => {
    const page = capturePage(loadFixture('github--pull-request'));
    expect(page.site).toBe('github');
    const fields = Object.fromEntries((page.conversation?.fields ?? []).map((field) => [field.label, field.value]));
    expect(fields).toEqual({
      State: 'Open',
      Author: 'mlopez',
      Branches: 'mlopez:sync-retry → main',
      Reviewers: 'kchen, dpatel',
      Labels: 'reliability',
    });
    const messages = page.conversation?.messages ?? [];
    expect(messages.map((message) => message.author)).toEqual(['mlopez', 'kchen', 'kchen', 'mlopez', 'dpatel']);
    expect(messages[2]?.text).toMatch(/^_On src\/sync\/retry\.ts_\n\nJitter should be added here/);
    expect(JSON.stringify(page)).not.toContain('SR-DUPLICATE-MARKER');
    // Called what GitHub calls it, in the chip and in what the model reads.
    expect(describeCapture(page)).toBe('Pull request #482 · 5 messages');
    expect(page.markdown).toMatch(/^# Pull request #482: Add retry with backoff to nightly sync$/m);
  });

  it('captures the real saved issue page: opening post and every comment with author and time', () => {
    const url = 'https://github.com/kepano/defuddle/issues/56';
    const page = capturePage(loadPage(sharedPage('defuddle/general--github.com-issue-56.html'), url));
    expect(page.site).toBe('github');
    expect(describeCapture(page)).toBe('Issue #56 · 7 messages');
    expect(page.markdown).toMatch(/^# Issue #56: /m);
    const messages = page.conversation?.messages ?? [];
    expect(messages.map((message) => message.author)).toEqual([
      'jmorrell',
      'jmorrell',
      'masylum',
      'nbbaier',
      'nbbaier',
      'masylum',
      'nbbaier',
    ]);
    expect(messages[0]?.time).toBe('2025-05-25T20:35:48.000Z');
    expect(messages[0]?.text).toContain('This is due to linkedom not implementing `doc.styleSheets`');
    expect(page.conversation?.fields).toEqual([{ label: 'State', value: 'Open' }]);
  });
});
