import { describe, expect, it } from 'vitest';
import { PageContext } from '../../shared/page-context';
import { cutText, fitToBudget } from './budget';
import { describeCapture } from './describe';
import { capturePage } from './registry';
import { renderParts } from './render';
import { loadFixture } from './testing/pages';

describe('budget by priority', () => {
  it('keeps a long ticket’s fields, first message and newest messages, and says what it left out', () => {
    const page = PageContext.parse(capturePage(loadFixture('zendesk--long-ticket'), { tokenBudget: 1_000 }));
    const conversation = page.conversation;
    expect(page.truncated).toBe(true);
    expect(page.markdown.length).toBeLessThanOrEqual(4_000);
    expect(conversation?.fields.map((field) => field.label)).toEqual(['Status', 'Requester', 'Priority', 'Type']);
    const kept = conversation?.messages ?? [];
    expect(kept[0]?.text).toMatch(/^Message 1:/);
    expect(kept.at(-1)?.text).toMatch(/^Message 40:/);
    expect(kept.length).toBeGreaterThan(3);
    expect(kept.length + (conversation?.omittedMessages ?? 0)).toBe(40);
    const newest = kept.slice(1).map((message) => Number(message.text.match(/^Message (\d+)/)?.[1]));
    expect(newest).toEqual(newest.map((_, index) => 40 - newest.length + 1 + index)); // contiguous up to the newest
    expect(page.markdown).toContain(`_[${conversation?.omittedMessages} messages omitted here to fit the budget`);
    expect(page.markdown).toContain('## Conversation (40 messages');
    expect(describeCapture(page)).toMatch(/^Ticket #5100 · 40 messages · \d+ internal · trimmed to fit$/);
  });

  it('keeps every record field before activity and related lists', () => {
    const full = capturePage(loadFixture('salesforce-lightning--opportunity'), { tokenBudget: 6_000 });
    const small = capturePage(loadFixture('salesforce-lightning--opportunity'), { tokenBudget: 350 });
    expect(small.truncated).toBe(true);
    expect(small.markdown.length).toBeLessThanOrEqual(1_400);
    expect(small.record?.fields.map((field) => field.label)).toEqual(full.record?.fields.map((field) => field.label));
    expect(small.markdown).toContain('- Stage: Negotiation/Review');
    const lines = (page: typeof full) =>
      (page.record?.activity.length ?? 0) +
      (page.record?.related ?? []).reduce((sum, list) => sum + list.rows.length, 0);
    expect(lines(small)).toBeLessThan(lines(full));
  });

  it('does not trim what fits', () => {
    const page = capturePage(loadFixture('zendesk--ticket'), { tokenBudget: 6_000 });
    expect(page.truncated).toBe(false);
    expect(page.conversation?.omittedMessages).toBe(0);
  });

  it('cuts text at a boundary and says so', () => {
    const cut = cutText('First sentence here. Second sentence that is much longer than the room left.', 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut).toMatch(/^First sentence here\. …_\[cut to fit the budget\]_$/);
  });
});

describe('pages larger than a call can take arguments', () => {
  const messages = Array.from({ length: 150_000 }, (_, index) => ({
    author: 'Ana',
    role: 'customer' as const,
    visibility: 'public' as const,
    text: `Message ${index + 1}: the order has not arrived yet.`,
  }));
  const sections = Array.from({ length: 150_000 }, (_, index) => ({ markdown: `Paragraph ${index + 1}.` }));

  it('renders a conversation of 150,000 messages and 150,000 sections in full when the budget allows', () => {
    const parts = renderParts({
      title: 'Ticket',
      site: 'example',
      kind: 'ticket',
      conversation: { fields: [], messages, omittedMessages: 0 },
      sections,
    });
    expect(parts.at(-1)).toBe('Paragraph 150000.');
    expect(parts.filter((part) => part.includes('the order has not arrived'))).toHaveLength(150_000);
  });

  it('fits them to the budget, newest messages kept', () => {
    const fitted = fitToBudget(
      {
        title: 'Ticket',
        site: 'example',
        kind: 'ticket',
        conversation: { fields: [], messages, omittedMessages: 0 },
        sections,
      },
      8_000,
    );
    expect(fitted.truncated).toBe(true);
    expect(fitted.extraction.conversation?.messages.at(-1)?.text).toMatch(/^Message 150000:/);
    expect(fitted.markdown.length).toBeLessThanOrEqual(8_000);
  });
});
