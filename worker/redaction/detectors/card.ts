import { type Detector, type Span, spansOf } from '../types';

/** Runs of 13–19 digits, optionally grouped by single spaces or dashes, not inside a longer number. */
const candidate = /(?<![\d.,-])\d(?:[ -]?\d){12,18}(?![\d])/g;

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** Issuer prefixes and card lengths of the networks (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro). */
const issuers: readonly [prefix: RegExp, lengths: ReadonlySet<number>][] = [
  [/^4/, new Set([13, 16, 19])],
  [/^(5[1-5]|2[2-7])/, new Set([16])],
  [/^3[47]/, new Set([15])],
  [/^3(0[0-5]|[689])/, new Set(range(14, 19))],
  [/^35/, new Set(range(16, 19))],
  [/^(6011|64[4-9]|65|62)/, new Set(range(16, 19))],
  [/^(5[06-9]|6)/, new Set(range(12, 19))],
];

/** The card lengths the network these digits start with issues; empty when no network starts so. */
function issuerLengths(digits: string): ReadonlySet<number> {
  return issuers.find(([prefix]) => prefix.test(digits))?.[1] ?? new Set();
}

/**
 * Whether any card network starts with these digits, whatever the length: every candidate cut of a run shares its
 * first digits, so a run no issuer begins with is dropped before any cut is tried ("1 1 1 1…" costs one test).
 */
const issuerPrefix = /^(?:[3-6]|2[2-7])/;

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
      if (!issuerPrefix.test(match)) return false;
      // The run may carry a trailing group that is not part of the card ("4111 1111 1111 1111 exp 12"): try the
      // longest cut ending at a group boundary first. One pass finds the cuts; no cut is re-scanned.
      const digits = match.replace(/[ -]/g, '');
      const cuts: [end: number, count: number][] = [];
      for (let index = 0, count = 0; index < match.length; index++) {
        if (match[index] === ' ' || match[index] === '-') continue;
        count++;
        const next = match[index + 1];
        if (next === undefined || next === ' ' || next === '-') cuts.push([index + 1, count]);
      }
      // Every cut shares the run's first digits, so the network (and the lengths it issues) is decided once.
      const lengths = issuerLengths(digits);
      for (let cut = cuts.length - 1; cut >= 0; cut--) {
        const [end, count] = cuts[cut] as [number, number];
        if (count < 12) break;
        if (lengths.has(count) && luhn(digits.slice(0, count))) return { start: 0, end } satisfies Span;
      }
      return false;
    });
  },
};
