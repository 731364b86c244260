import { describe, expect, it } from 'vitest';
import { demoSiteUrl } from './demo-pages';
import { extractors } from './registry';

describe('demo pages of npm run dev', () => {
  it('read as the site they imitate, on this computer only', () => {
    const opportunity = demoSiteUrl(
      new URL('http://127.0.0.1:8787/demo/salesforce/lightning/r/Opportunity/006DM00000GLBX01/view'),
    );
    expect(opportunity?.href).toBe(
      'https://northwind-demo.lightning.force.com/lightning/r/Opportunity/006DM00000GLBX01/view',
    );
    expect(extractors.find((extractor) => extractor.matches(opportunity!, {} as Document))?.id).toBe(
      'salesforce-lightning',
    );
    const ticket = demoSiteUrl(new URL('http://localhost:8787/demo/zendesk/agent/tickets/4821'));
    expect(extractors.find((extractor) => extractor.matches(ticket!, {} as Document))?.id).toBe('zendesk');
    expect(demoSiteUrl(new URL('http://127.0.0.1:8787/demo/gmail/mail/u/0/'))?.hostname).toBe('mail.google.com');
  });

  it('never lets a page on the web pose as a site', () => {
    expect(demoSiteUrl(new URL('https://evil.example/demo/salesforce/lightning/r/Opportunity/1/view'))).toBeUndefined();
    expect(demoSiteUrl(new URL('http://127.0.0.1:8787/demo/unknown/x'))).toBeUndefined();
    expect(demoSiteUrl(new URL('http://127.0.0.1:8787/other/salesforce/x'))).toBeUndefined();
  });
});
