import { describe, expect, it } from 'vitest';
import { formatEmail, parseEmailDraft, placeholdersIn, withoutCitations } from './email-draft';

describe('parseEmailDraft', () => {
  it('splits the Subject line from the body', () => {
    expect(parseEmailDraft('Subject: Next steps for Acme\n\nHi Dana,\n\nThanks.')).toEqual({
      subject: 'Next steps for Acme',
      body: 'Hi Dana,\n\nThanks.',
      hasSubject: true,
    });
  });

  it.each([
    '**Subject:** Next steps',
    'Subject - Next steps',
    '# Subject: Next steps',
    'subject:Next steps',
    '  \n\nSubject: Next steps',
    'Objet : Next steps',
    'Betreff: Next steps',
  ])('reads the subject from %j', (line) => {
    const draft = parseEmailDraft(`${line}\n\nBody`);
    expect(draft.subject).toBe('Next steps');
    expect(draft.body).toBe('Body');
  });

  it('works on a partial stream: subject first, body still empty', () => {
    expect(parseEmailDraft('Subject: Next st')).toEqual({ subject: 'Next st', body: '', hasSubject: true });
    expect(parseEmailDraft('Subject: Next steps\n')).toMatchObject({ subject: 'Next steps', body: '' });
  });

  it('keeps everything as the body when the model left out the Subject line', () => {
    expect(parseEmailDraft('Hi Dana,\n\nThanks for the call.')).toEqual({
      subject: '',
      body: 'Hi Dana,\n\nThanks for the call.',
      hasSubject: false,
    });
  });

  it('strips a code fence around the whole email', () => {
    expect(parseEmailDraft('```\nSubject: S\n\nBody\n```')).toMatchObject({ subject: 'S', body: 'Body' });
  });

  it('does not mistake a body line about the subject for the Subject line', () => {
    expect(parseEmailDraft('Hi,\nSubject: pricing').hasSubject).toBe(false);
  });
});

describe('placeholders and citations', () => {
  it('lists what the draft could not ground, but not citation numbers', () => {
    expect(placeholdersIn('Call on [date to confirm] at [price to confirm]; see [1]. [your name]')).toEqual([
      '[date to confirm]',
      '[price to confirm]',
      '[your name]',
    ]);
  });

  it('removes citation markers for the customer', () => {
    expect(withoutCitations('We refund within 5 days [1][2]. Sorry [3]!')).toBe('We refund within 5 days. Sorry!');
    expect(withoutCitations('Call on [date to confirm]')).toBe('Call on [date to confirm]');
  });

  it('formats subject and body for the clipboard', () => {
    expect(formatEmail({ subject: 'S', body: 'B' })).toBe('Subject: S\n\nB');
    expect(formatEmail({ subject: '', body: 'B' })).toBe('B');
  });
});
