import { describe, expect, it } from 'vitest';
import { expectFixtureCapture } from '../testing/expect-capture';
import { withoutQuotedLines } from './gmail';

describe('gmail', () => {
  it('captures the thread without quoted history, hidden text or mailbox chrome', () => {
    const page = expectFixtureCapture('gmail--thread');
    const [first, collapsed, , last] = page.conversation?.messages ?? [];
    expect(first?.time).toBe('Nov 2, 2026, 4:05 PM');
    expect(first?.text).toContain('- volume tiers for all 3 plants,');
    expect(collapsed?.text).toBe("Will do — I've asked legal for the redlines and will send the quote…");
    expect(last?.text).toBe(
      "Understood, Helen. Sev-1 response under 1 hour is in our Premier plan; I'll price it into the quote.\nDana",
    );
  });

  it('cuts plain-text quoted history from the "On … wrote:" line', () => {
    expect(withoutQuotedLines('Thanks!\n\nOn Mon, Nov 2, 2026 at 4:05 PM Priya wrote:\n> old')).toBe('Thanks!');
    expect(withoutQuotedLines('Fine by me\n> earlier text')).toBe('Fine by me');
  });
});

describe('gmail inbox', () => {
  it('lists each visible conversation once, with its state, and no screen-reader copies or tooltips', () => {
    const page = expectFixtureCapture('gmail--inbox');
    for (const subject of ['Acme renewal — revised quote', 'Q4 forecast call notes']) {
      expect(page.markdown.split(subject)).toHaveLength(2);
    }
    expect(page.markdown).not.toContain('Archive');
    expect(page.markdown).toContain('Globex pilot: security questionnaire** · “Attached the completed SIG Lite');
  });
});
