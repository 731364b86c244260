import type { Detector, Span } from '../types';

/**
 * Phone numbers in the international (`+33 1 23 45 67 89`, `+44-20…`) and national formats of most countries
 * (`(555) 389-3688 x0018`, `01 46 28 06 45`, `0800 936 8800`, `(0703) 101335462`), with an extension. A
 * candidate is a bounded run of digits and phone separators that is not part of a word, an amount or an
 * identifier; it is kept when its digit count fits a phone number (E.164: at most 15) and it does not read as
 * something else (IPv4 address, ISBN, thousands-grouped amount, date). A bare run of digits with no separator
 * is too ambiguous (order numbers, timestamps) unless it has a trunk prefix or a `+`, and no identifier word
 * precedes it.
 */
const candidate =
  /(?<![\w+.,$€£¥#/-])(?:\+|\(|\d)[\d \u00a0().\-/]{6,22}\d(?:[ \u00a0]?(?:x|ext\.?)[ \u00a0]?\d{1,6})?(?![\w]|[.,]\d|[ \u00a0]?(?:€|\$|£|%|EUR|USD|GBP))/g;

const identifierWord =
  /(?:order|invoice|ticket|ref(?:erence)?|sku|tracking|case|po|id|no\.?|n°|number|#|account|serial|item|part|version|build)[\s:#.-]*$/i;

/**
 * Numbers are written in groups of two or more digits; one lone digit (a country or trunk code: `+33 1 23…`,
 * `1-800-…`) is common, two are rare, three are never a phone number ("1 1 1 1…", a list of scores). Counted
 * by character code, before any string is built: this turns the bulk of such runs down cheaply.
 */
function tooManyLoneDigits(match: string): boolean {
  let lone = 0;
  let run = 0;
  for (let index = 0; index <= match.length; index++) {
    const code = index < match.length ? match.charCodeAt(index) : 32;
    if (code >= 48 && code <= 57) run++;
    else {
      if (run === 1 && ++lone >= 3) return true;
      run = 0;
    }
  }
  return false;
}

function plausible(match: string, before: string): boolean {
  if (tooManyLoneDigits(match)) return false;
  const core = match.replace(/[ \u00a0]?(?:x|ext\.?)[ \u00a0]?\d{1,6}$/, '');
  const digits = core.replace(/\D/g, '');
  const international = core.startsWith('+');
  if (digits.length > 15 || digits.length < (international ? 8 : 9)) return false;
  if ((core.match(/\(/g)?.length ?? 0) !== (core.match(/\)/g)?.length ?? 0)) return false;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(core)) return false; // IPv4
  if (/^97[89][- ]/.test(core)) return false; // ISBN-13
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|^\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\b/.test(core)) return false; // dates
  const separated = /[ \u00a0().\-/]/.test(core.slice(1));
  if (!separated && !international) {
    if (identifierWord.test(before)) return false;
    // Trunk prefix (01 46…, 0800…), a North American number, or a nine-digit national number (Spain: 9xx, 6xx, 5xx).
    if (digits.startsWith('0')) return digits.length <= 12;
    return (digits.length === 10 && /^[2-9]/.test(digits)) || (digits.length === 9 && /^[5-9]/.test(digits));
  }
  if (identifierWord.test(before) && !international && !core.startsWith('(')) return false;
  return true;
}

export const phone: Detector = {
  type: 'PHONE',
  find(text) {
    candidate.lastIndex = 0;
    const spans: Span[] = [];
    for (let match = candidate.exec(text); match; match = candidate.exec(text)) {
      const value = match[0];
      if (plausible(value, text.slice(Math.max(0, match.index - 24), match.index)))
        spans.push({ start: match.index, end: match.index + value.length });
      // "((749) 374-4654)": a rejected candidate that opened with a bracket may hold a number one character on.
      else if (value.startsWith('(')) candidate.lastIndex = match.index + 1;
    }
    return spans;
  },
};
