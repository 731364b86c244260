import { describe, expect, it } from 'vitest';
import { KNOWN_SITE_PATTERNS } from './known-sites';
import { knownSiteOf, siteOfGrant } from './site-pattern';

describe('knownSiteOf', () => {
  it('names the one origin of a page on a known site', () => {
    expect(knownSiteOf('https://acme.lightning.force.com/lightning/r/Opportunity/006/view')).toEqual({
      host: 'acme.lightning.force.com',
      pattern: 'https://acme.lightning.force.com/*',
    });
    expect(knownSiteOf('https://mail.google.com/mail/u/0/#inbox')?.pattern).toBe('https://mail.google.com/*');
    expect(knownSiteOf('https://Support.Zendesk.com./agent/tickets/1')?.pattern).toBe('https://support.zendesk.com/*');
  });

  it('offers nothing for other sites, look-alikes, http, ports or credentials', () => {
    for (const url of [
      'https://example.com/',
      'https://evilzendesk.com/agent',
      'https://zendesk.com.evil.example/agent',
      'https://docs.google.com/document/d/1',
      'http://acme.zendesk.com/agent',
      'https://acme.zendesk.com:8443/agent',
      'https://user:secret@acme.zendesk.com/agent',
      'chrome://extensions',
      'not a url',
    ]) {
      expect(knownSiteOf(url), url).toBeUndefined();
    }
  });

  it('only ever asks for an origin inside a pattern the manifest declares', () => {
    const hosts = ['a.salesforce.com', 'x.lightning.force.com', 'b.zendesk.com', 'mail.google.com', 'c.atlassian.net'];
    for (const host of hosts) {
      const site = knownSiteOf(`https://${host}/page`);
      expect(site?.pattern).toBe(`https://${host}/*`);
      const declared = KNOWN_SITE_PATTERNS.some((pattern) => {
        const wildcard = pattern.replace('https://*.', '').replace('https://', '').replace('/*', '');
        return host === wildcard || host.endsWith(`.${wildcard}`);
      });
      expect(declared, host).toBe(true);
    }
  });
});

describe('siteOfGrant', () => {
  it('lists single granted sites, not the manifest wildcards nor other hosts', () => {
    expect(siteOfGrant('https://acme.zendesk.com/*')?.host).toBe('acme.zendesk.com');
    expect(siteOfGrant('https://*.zendesk.com/*')).toBeUndefined();
    expect(siteOfGrant('http://127.0.0.1/*')).toBeUndefined();
    expect(siteOfGrant('https://example.com/*')).toBeUndefined();
  });
});
