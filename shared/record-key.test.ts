import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeUrl, type RecordKeySource, recordKey } from './record-key';

const page = (overrides: Partial<RecordKeySource> & Pick<RecordKeySource, 'url'>): RecordKeySource => ({
  site: 'generic',
  kind: 'generic',
  ...overrides,
});

describe('recordKey: records and tickets', () => {
  it('keys a Lightning record by org, object API name and the 15-character id', () => {
    const key = recordKey(
      page({
        url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZabAAF/view',
        site: 'salesforce-lightning',
        kind: 'record',
        // The label on the page may be translated: the address's API name wins.
        record: { objectType: 'Opportunité', id: '0065g00000XyZabAAF' },
      }),
    );
    expect(key).toBe('salesforce:acme:Opportunity:0065g00000XyZab');
  });

  it('gives the same key to the 15- and 18-character ids of one record', () => {
    const lightning = recordKey(
      page({
        url: 'https://acme.lightning.force.com/lightning/r/Account/0015g00000AbCdEAAZ/view',
        site: 'salesforce-lightning',
        kind: 'record',
        record: { objectType: 'Account', id: '0015g00000AbCdEAAZ' },
      }),
    );
    const classic = recordKey(
      page({
        url: 'https://acme.my.salesforce.com/0015g00000AbCdE',
        site: 'salesforce-classic',
        kind: 'record',
        record: { objectType: 'Account', id: '0015g00000AbCdE' },
      }),
    );
    expect(classic).toBe(lightning);
  });

  it('keys a Zendesk ticket by subdomain and number', () => {
    const key = recordKey(
      page({
        url: 'https://Acme.zendesk.com/agent/tickets/4821?utm_source=mail',
        site: 'zendesk',
        kind: 'ticket',
        conversation: { id: '4821' },
      }),
    );
    expect(key).toBe('zendesk:acme:ticket:4821');
  });

  it('tells two companies’ record 4821 apart', () => {
    const ticket = (host: string) =>
      recordKey(
        page({
          url: `https://${host}/agent/tickets/4821`,
          site: 'zendesk',
          kind: 'ticket',
          conversation: { id: '4821' },
        }),
      );
    expect(ticket('acme.zendesk.com')).not.toBe(ticket('globex.zendesk.com'));
  });

  it('keys HubSpot by portal, GitHub by repository, Gmail by mailbox and thread', () => {
    expect(
      recordKey(
        page({
          url: 'https://app.hubspot.com/contacts/442211/record/0-3/987654',
          site: 'hubspot',
          kind: 'record',
          record: { objectType: 'Deal', id: '987654' },
        }),
      ),
    ).toBe('hubspot:442211:Deal:987654');
    expect(
      recordKey(
        page({
          url: 'https://github.com/Acme/Widgets/pull/12#discussion',
          site: 'github',
          kind: 'ticket',
          conversation: { id: '12' },
        }),
      ),
    ).toBe('github:acme/widgets:pull:12');
    expect(
      recordKey(
        page({ url: 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQZTzXbqwerty12', site: 'gmail', kind: 'thread' }),
      ),
    ).toBe('gmail:1:thread:FMfcgzQZTzXbqwerty12');
  });

  it('never lets a part of the key carry a separator', () => {
    const key = recordKey(
      page({
        url: 'https://tracker.example.com/x',
        site: 'tracker',
        kind: 'record',
        record: { objectType: 'A:B', id: '1:2' },
      }),
    );
    expect(key).toBe('tracker:tracker.example.com:A%3AB:1%3A2');
    expect(key.split(':')).toHaveLength(4);
  });

  it('falls back to the page address when the record has no id', () => {
    const key = recordKey(
      page({
        url: 'https://acme.lightning.force.com/lightning/o/Opportunity/list#x',
        site: 'salesforce-lightning',
        kind: 'record',
        record: { objectType: 'Opportunity' },
      }),
    );
    expect(key).toBe('https://acme.lightning.force.com/lightning/o/Opportunity/list');
  });
});

describe('normalizeUrl: one key per page however it was reached', () => {
  it('lower-cases the host, drops the fragment, credentials, default port and tracking parameters, sorts the rest', () => {
    expect(
      normalizeUrl('HTTPS://user:secret@Docs.Example.COM:443/Guide?b=2&utm_campaign=x&a=1&fbclid=abc&gclid=1#intro'),
    ).toBe('https://docs.example.com/Guide?a=1&b=2');
  });

  it('keeps the path’s case and the parameters that choose the page', () => {
    expect(normalizeUrl('https://example.com/Docs/Page?id=7')).toBe('https://example.com/Docs/Page?id=7');
    expect(normalizeUrl('https://example.com/?utm_source=x')).toBe('https://example.com/');
  });

  it('is idempotent', () => {
    const anyUrl = fc.oneof(
      fc.webUrl({ withFragments: true, withQueryParameters: true }),
      fc
        .tuple(
          fc.webUrl(),
          fc.array(fc.tuple(fc.constantFrom('utm_source', 'UTM_Medium', 'gclid', 'a', 'b', 'q', 'ref'), fc.string()), {
            maxLength: 5,
          }),
          fc.string(),
        )
        .map(([base, params, fragment]) => {
          const url = new URL(base);
          for (const [name, value] of params) url.searchParams.append(name, value);
          url.hash = fragment;
          return url.href;
        }),
      fc.string(),
    );
    fc.assert(
      fc.property(anyUrl, (raw) => {
        const once = normalizeUrl(raw);
        expect(normalizeUrl(once)).toBe(once);
      }),
      { numRuns: 1_000 },
    );
  });

  it('maps the same page reached two ways to one key', () => {
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: false, withFragments: false }),
        fc.string(),
        fc.string(),
        (base, campaign, fragment) => {
          const tracked = new URL(base);
          tracked.searchParams.set('utm_campaign', campaign);
          tracked.hash = fragment;
          expect(normalizeUrl(tracked.href)).toBe(normalizeUrl(base));
        },
      ),
    );
  });

  it('makes record keys stable too: a key computed from its own page is the same key', () => {
    fc.assert(
      fc.property(fc.webUrl({ withFragments: true, withQueryParameters: true }), (url) => {
        const key = recordKey(page({ url }));
        expect(recordKey(page({ url: key }))).toBe(key);
      }),
    );
  });
});
