import { type Detector, type Span, spansOf } from '../types';

/** Runs of 13–19 digits, optionally grouped by single spaces or dashes, not inside a longer number. */
const candidate = /(?<![\d.,-])\d(?:[ -]?\d){12,18}(?![\d])/g;

/** Issuer prefixes and lengths of the card networks (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro). */
function plausibleIssuer(digits: string): boolean {
  const length = digits.length;
  if (/^4/.test(digits)) return length === 13 || length === 16 || length === 19;
  if (/^(5[1-5]|2[2-7])/.test(digits)) return length === 16;
  if (/^3[47]/.test(digits)) return length === 15;
  if (/^3(0[0-5]|[689])/.test(digits)) return length >= 14 && length <= 19;
  if (/^35/.test(digits)) return length >= 16 && length <= 19;
  if (/^(6011|64[4-9]|65|62)/.test(digits)) return length >= 16 && length <= 19;
  if (/^(5[06-9]|6)/.test(digits)) return length >= 12 && length <= 19;
  return false;
}

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Payment card numbers: a known issuer prefix and length, and a valid Luhn check digit. */
export const card: Detector = {
  type: 'CARD',
  find(text) {
    return spansOf(candidate, text, (match) => {
      // The run may carry a trailing group that is not part of the card ("4111 1111 1111 1111 exp 12"):
      // try the longest prefix ending at a group boundary first.
      for (let end = match.length; end > 0; end--) {
        if (end < match.length && !/[ -]/.test(match[end] as string)) continue;
        const digits = match.slice(0, end).replace(/[ -]/g, '');
        if (digits.length < 12) break;
        if (plausibleIssuer(digits) && luhn(digits)) return { start: 0, end } satisfies Span;
      }
      return false;
    });
  },
};
