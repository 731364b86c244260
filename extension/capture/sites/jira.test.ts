import { describe, expect, it } from 'vitest';
import { expectFixtureCapture } from '../testing/expect-capture';

describe('jira', () => {
  it('captures the issue: status and fields, description as the first message, comments after it', () => {
    const page = expectFixtureCapture('jira--issue');
    const [description, comment] = page.conversation?.messages ?? [];
    expect(description?.text).toContain('```text\nExportWorker: batch_size=500');
    expect(comment?.time).toBe('2026-11-02T11:05:00.000Z');
    // A heading inside the description must not read as a new message.
    expect(page.markdown).toContain('**Steps to reproduce**');
  });
});
