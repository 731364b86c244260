import type { Detector, Span } from '../types';

/** What each ASCII character may be in an address, one table look-up per character: bit 1 local part, bit 2 domain. */
const LOCAL = 1;
const DOMAIN = 2;
const classes = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const alphanumeric = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  // . _ % + ' - : what a local part may hold besides letters and digits; a domain only . and -.
  const local = alphanumeric || "._%+'-".includes(String.fromCharCode(code));
  const domain = alphanumeric || code === 46 || code === 45;
  classes[code] = (local ? LOCAL : 0) | (domain ? DOMAIN : 0);
}
const isLocal = (code: number) => code < 128 && ((classes[code] ?? 0) & LOCAL) !== 0;
const isDomain = (code: number) => code < 128 && ((classes[code] ?? 0) & DOMAIN) !== 0;

/**
 * Email addresses, found from each `@` outwards rather than by one regex: a regex that starts a match at every
 * letter re-reads the same run of letters from every position (quadratic on a page of `aaaa…`). Each character
 * is read a bounded number of times (the local part at most 64 back, never before the last address found).
 */
export const email: Detector = {
  type: 'EMAIL',
  find(text) {
    const spans: Span[] = [];
    let floor = 0;
    // Every address has a dot after its `@`: with the next dot known, an `@` with none in reach costs one comparison,
    // and the scan stops at the last dot of the text.
    let nextDot = text.indexOf('.');
    // A plain scan by character code: `indexOf` costs a call's setup per `@`, which a page of `a@a@…` pays 500,000
    // times a megabyte.
    for (let at = text.indexOf('@'); at >= 0 && at < text.length; at++) {
      if (text.charCodeAt(at) !== 64) continue;
      if (nextDot < at) nextDot = text.indexOf('.', at);
      if (nextDot < 0) break;
      if (nextDot - at > 254) continue;
      let start = at;
      if (!(at > floor && isLocal(text.charCodeAt(at - 1)) && isDomain(text.charCodeAt(at + 1)))) continue;
      while (start > floor && at - start < 64 && isLocal(text.charCodeAt(start - 1))) start--;
      while (start < at && text[start] === '.') start++;
      // The domain is scanned by character code, counting dots, so the commonest non-address (no dot after the
      // `@`: "a@b", a handle, a run of `a@a@…`) is turned down without building any string.
      let end = at + 1;
      let dots = 0;
      while (end < text.length && end - at <= 253 && isDomain(text.charCodeAt(end))) {
        if (text.charCodeAt(end) === 46) dots++;
        end++;
      }
      while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) {
        if (text.charCodeAt(end - 1) === 46) dots--;
        end--;
      }
      if (start === at || dots === 0) continue;
      const host = text.slice(at + 1, end);
      const labels = host.split('.');
      const tld = labels.at(-1) ?? '';
      if (labels.some((label) => !label) || !/^[A-Za-z]{2,24}$/.test(tld)) continue;
      spans.push({ start, end });
      floor = end;
      at = end - 1;
    }
    return spans;
  },
};
