import type { Detector, Span } from '../types';

const alphanumeric = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
// . % + ' - (char codes): what an address's local part may hold besides letters and digits.
const localPunctuation = new Set([46, 95, 37, 43, 39, 45]);
const isLocal = (code: number) => alphanumeric(code) || localPunctuation.has(code);
const isDomain = (code: number) => alphanumeric(code) || code === 46 || code === 45;

/**
 * Email addresses, found from each `@` outwards rather than by one regex: a regex that starts a match at every
 * letter re-reads the same run of letters from every position (quadratic on a page of `aaaa…`).
 */
export const email: Detector = {
  type: 'EMAIL',
  find(text) {
    const spans: Span[] = [];
    let floor = 0;
    for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      let start = at;
      if (!(at > floor && isLocal(text.charCodeAt(at - 1)) && isDomain(text.charCodeAt(at + 1)))) continue;
      while (start > floor && at - start < 64 && isLocal(text.charCodeAt(start - 1))) start--;
      while (start < at && text[start] === '.') start++;
      let end = at + 1;
      while (end < text.length && end - at <= 253 && isDomain(text.charCodeAt(end))) end++;
      while (end > at + 1 && /[.-]/.test(text[end - 1] as string)) end--;
      const host = text.slice(at + 1, end);
      const labels = host.split('.');
      const tld = labels.at(-1) ?? '';
      if (start === at || labels.length < 2 || labels.some((label) => !label) || !/^[A-Za-z]{2,24}$/.test(tld))
        continue;
      spans.push({ start, end });
      floor = end;
      at = end - 1;
    }
    return spans;
  },
};
