import { describe, expect, it } from 'vitest';
import { nonLinearReason } from './patterns';
import { Redactor } from './redact';
import { StreamRestorer } from './restore-stream';

describe('redaction', () => {
  it('replaces each kind with a numbered placeholder, the same value with the same one', () => {
    const redactor = new Redactor();
    const text =
      'Ana <ana@x.example>, +33 1 46 28 06 45, card 4539 1488 0343 6467, FR76 3000 6000 0112 3456 7890 189, NIR 185057800608491; again ANA@x.example';
    expect(redactor.redact(text)).toBe(
      'Ana <[EMAIL_1]>, [PHONE_1], card [CARD_1], [IBAN_1], NIR [NIR_1]; again [EMAIL_1]',
    );
    expect(redactor.restore('Write to [EMAIL_1] or [PHONE_1]; [EMAIL_9] stays')).toBe(
      'Write to ana@x.example or +33 1 46 28 06 45; [EMAIL_9] stays',
    );
  });

  it('leaves invalid check digits alone (Luhn, mod-97, NIR key)', () => {
    const text = 'card 4539 1488 0343 6468, FR76 3000 6000 0112 3456 7890 188, NIR 185057800608492';
    expect(new Redactor().redact(text)).toBe(text);
  });

  it('reads runs of lone digits and of bare @ as no personal data, and still finds the real ones beside them', () => {
    const scores = '1 1 1 1 1 1 1 1 1 1 1 1 2 0 1 1 0 3 1 1';
    expect(new Redactor().redact(scores)).toBe(scores);
    const handles = 'a@a@a@b@c@team@home';
    expect(new Redactor().redact(handles)).toBe(handles);
    // One lone digit (a trunk or country code) is how real numbers are written; the detectors keep them.
    expect(new Redactor().redact(`${scores} call 1-579-650-2468 or +33 1 46 28 06 45, mail a@a@ana@x.example`)).toBe(
      `${scores} call [PHONE_1] or [PHONE_2], mail a@a@[EMAIL_1]`,
    );
  });

  it('restores placeholders split across stream deltas', () => {
    const redactor = new Redactor();
    redactor.redact('ana@x.example and +44 20 7946 0958');
    const restorer = new StreamRestorer(redactor);
    const pieces = ['Mail [EM', 'AIL_', '1] or call [', 'PHONE_1', '] now [not a placeholder'];
    const output = pieces.map((piece) => restorer.push(piece)).join('') + restorer.flush();
    expect(output).toBe('Mail ana@x.example or call +44 20 7946 0958 now [not a placeholder');
  });

  it('refuses patterns that can backtrack catastrophically, accepts linear ones', () => {
    expect(nonLinearReason('(a+)+$')).toMatch(/repeats a group/);
    expect(nonLinearReason('(a|ab)*c')).toMatch(/repeats a group/);
    expect(nonLinearReason('(x)\\1')).toMatch(/backreference/);
    expect(nonLinearReason('\\d+-\\d+')).toMatch(/more than one unbounded/);
    expect(nonLinearReason('CUST-\\d{8}')).toBeUndefined();
    expect(nonLinearReason('(?:ID|REF)-[0-9]{4,10}')).toBeUndefined();
  });
});
