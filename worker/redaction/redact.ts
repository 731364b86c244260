import { card } from './detectors/card';
import { email } from './detectors/email';
import { iban } from './detectors/iban';
import { nir } from './detectors/nir';
import { phone } from './detectors/phone';
import type { Detector, Span } from './types';

/** In priority order where two detectors claim the same characters (a card number also looks like a phone). */
export const builtInDetectors: readonly Detector[] = [email, iban, card, nir, phone];

interface Found extends Span {
  type: string;
}

/** The same value written two ways (`+33 1 23…`, `+33123…`; `Ana@X.fr`, `ana@x.fr`) gets one placeholder. */
const keyOf = (type: string, value: string) =>
  `${type}:${type === 'EMAIL' ? value.toLowerCase() : value.replace(/[\s().\-/]/g, '').toUpperCase()}`;

export const placeholderPattern = /\[([A-Z]+)_(\d{1,6})\]/g;

/**
 * Replaces personal data with placeholders (`[EMAIL_1]`, `[PHONE_2]`) and puts the real values back.
 *
 * One Redactor serves one request. Numbers are given in the order values first appear, and the request's
 * conversation is read oldest message first, so a value keeps its placeholder from turn to turn (history is
 * re-sent in the same order every turn) without the worker keeping any personal data between requests.
 */
export class Redactor {
  private readonly byKey = new Map<string, string>();
  private readonly byPlaceholder = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly detectors: readonly Detector[] = builtInDetectors) {}

  /** Every detector's spans, overlaps resolved: earliest first, then the detector listed first. */
  private find(text: string): Found[] {
    const all: (Found & { rank: number })[] = [];
    this.detectors.forEach((detector, rank) => {
      for (const span of detector.find(text)) all.push({ ...span, type: detector.type, rank });
    });
    all.sort((a, b) => a.start - b.start || a.rank - b.rank || b.end - a.end);
    const kept: Found[] = [];
    let end = 0;
    for (const span of all) {
      if (span.start < end) continue;
      kept.push(span);
      end = span.end;
    }
    return kept;
  }

  private placeholder(type: string, value: string): string {
    const key = keyOf(type, value);
    let placeholder = this.byKey.get(key);
    if (!placeholder) {
      const count = (this.counts.get(type) ?? 0) + 1;
      this.counts.set(type, count);
      placeholder = `[${type}_${count}]`;
      this.byKey.set(key, placeholder);
      this.byPlaceholder.set(placeholder, value);
    }
    return placeholder;
  }

  /** Gives placeholders to the values in `text` without rewriting it (to fix the numbering order first). */
  register(text: string): void {
    for (const span of this.find(text)) this.placeholder(span.type, text.slice(span.start, span.end));
  }

  redact(text: string): string {
    const spans = this.find(text);
    if (spans.length === 0) return text;
    let output = '';
    let at = 0;
    for (const span of spans) {
      output += text.slice(at, span.start) + this.placeholder(span.type, text.slice(span.start, span.end));
      at = span.end;
    }
    return output + text.slice(at);
  }

  /** The real values back in place of this request's placeholders; unknown ones are left as they are. */
  restore(text: string): string {
    if (!text.includes('[')) return text;
    return text.replace(placeholderPattern, (placeholder) => this.byPlaceholder.get(placeholder) ?? placeholder);
  }

  get size(): number {
    return this.byPlaceholder.size;
  }
}
