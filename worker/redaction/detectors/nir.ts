import { type Detector, spansOf } from '../types';

/**
 * French social security numbers (NIR): sex, year, month, department (2A/2B for Corsica), commune, order and a
 * two-digit key, with or without the usual spaces, dots or dashes between the parts.
 */
const candidate =
  /(?<![\dA-Za-z])[12378][ .-]?\d{2}[ .-]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .-]?(?:\d{2}|2[AaBb])[ .-]?\d{3}[ .-]?\d{3}[ .-]{0,3}\d{2}(?![\dA-Za-z])/g;

/** The key is 97 minus the 13-digit number modulo 97 (Corsica's 2A and 2B count as 19 and 18). */
export function nirKey(thirteen: string): number {
  const numeric = thirteen.replace(/2A/i, '19').replace(/2B/i, '18');
  let remainder = 0;
  for (const char of numeric) remainder = (remainder * 10 + (char.charCodeAt(0) - 48)) % 97;
  return 97 - remainder;
}

export const nir: Detector = {
  type: 'NIR',
  find(text) {
    return spansOf(candidate, text, (match) => {
      const compact = match.replace(/[ .-]/g, '');
      return compact.length === 15 && nirKey(compact.slice(0, 13)) === Number(compact.slice(13));
    });
  },
};
