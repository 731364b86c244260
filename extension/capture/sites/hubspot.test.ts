import { describe, expect, it } from 'vitest';
import { expectFixtureCapture } from '../testing/expect-capture';
import { hubspot } from './hubspot';

describe('hubspot', () => {
  it('captures a deal: highlights, properties, associations, activity; never a password value', () => {
    const page = expectFixtureCapture('hubspot--deal');
    expect(page.record?.activity[0]).toBe('Nov 5, 2026 · Email · Order form sent to Globex legal (v3, 3-year term)');
  });

  it('reads the object type from the URL', () => {
    const document = { querySelector: () => null } as unknown as Document;
    expect(hubspot.matches(new URL('https://app.hubspot.com/contacts/2045123/record/0-1/51'), document)).toBe(true);
    expect(hubspot.matches(new URL('https://app.hubspot.com/contacts/2045123/deal/51'), document)).toBe(true);
    expect(hubspot.matches(new URL('https://app.hubspot.com/reports-dashboard/2045123'), document)).toBe(false);
  });
});
