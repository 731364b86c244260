import { type Detector, spansOf } from '../types';

/** IBAN lengths by country (ISO 13616 registry), to cut a candidate that runs on into the next word. */
const lengths: Record<string, number> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SC: 31,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
};

const candidate = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}/g;

export function mod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : char.charCodeAt(0) - 48;
    remainder = value > 9 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

/** International bank account numbers: the country's length and a valid mod-97 check. */
export const iban: Detector = {
  type: 'IBAN',
  find(text) {
    return spansOf(candidate, text, (match) => {
      const known = lengths[match.slice(0, 2)];
      // A country missing from the table: any length an IBAN can have that passes the check.
      for (const length of known ? [known] : Array.from({ length: 20 }, (_, index) => 34 - index)) {
        const end = endOf(match, length);
        if (end !== undefined && mod97(match.slice(0, end).replace(/ /g, '').toUpperCase()) === 1)
          return { start: 0, end };
      }
      return false;
    });
  },
};

/** Offset in `match` just after its `length`-th non-space character, if it has that many. */
function endOf(match: string, length: number): number | undefined {
  let count = 0;
  let end = 0;
  while (end < match.length && count < length) {
    if (match[end] !== ' ') count++;
    end++;
  }
  return count < length ? undefined : end;
}
