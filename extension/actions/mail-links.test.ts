import { describe, expect, it } from 'vitest';
import { gmailComposeUrl, MAX_URL_BODY_CHARS, mailtoUrl, outlookComposeUrl } from './mail-links';

const draft = {
  to: 'dana.whitfield@acme.example',
  subject: 'Q&A + next steps',
  body: 'Hi Dana,\n\n- Quote by [date to confirm]\n\nBest',
};

describe('mail links', () => {
  it('opens Gmail compose with to, subject and body', () => {
    const url = new URL(gmailComposeUrl(draft));
    expect(url.origin + url.pathname).toBe('https://mail.google.com/mail/');
    expect(url.searchParams.get('view')).toBe('cm');
    expect(url.searchParams.get('to')).toBe(draft.to);
    expect(url.searchParams.get('su')).toBe('Q&A + next steps');
    expect(url.searchParams.get('body')).toBe(draft.body);
  });

  it('opens Outlook on the web with subject and body', () => {
    const url = new URL(outlookComposeUrl(draft));
    expect(url.pathname).toBe('/mail/deeplink/compose');
    expect(url.searchParams.get('subject')).toBe('Q&A + next steps');
    expect(url.searchParams.get('body')).toBe(draft.body);
  });

  it('builds mailto: with %20 (not +) and CRLF line breaks, as RFC 6068 wants', () => {
    const url = mailtoUrl(draft);
    expect(url.startsWith('mailto:dana.whitfield@acme.example?subject=Q%26A%20%2B%20next%20steps&body=')).toBe(true);
    expect(url).not.toContain('+');
    expect(decodeURIComponent(url.split('body=')[1]!)).toBe(draft.body.replace(/\n/g, '\r\n'));
  });

  it('leaves out an address that is not a bare address, and empty fields', () => {
    expect(mailtoUrl({ to: 'a@b.c?cc=evil@x.y', subject: 'S', body: '' })).toBe('mailto:?subject=S');
    expect(new URL(gmailComposeUrl({ subject: 'S', body: 'B' })).searchParams.has('to')).toBe(false);
  });

  it('shortens a body too long for a URL, and says so', () => {
    const long = 'x'.repeat(MAX_URL_BODY_CHARS + 500);
    const body = new URL(gmailComposeUrl({ subject: 'S', body: long })).searchParams.get('body')!;
    expect(body.length).toBeLessThan(long.length);
    expect(body).toContain('use Copy for the full text');
  });
});
