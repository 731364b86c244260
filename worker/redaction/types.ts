/** A kind of personal data and how to find it in text. */
export interface Detector {
  /** The placeholder's label: `[EMAIL_1]`. Upper-case letters and underscores only. */
  readonly type: string;
  /** Every occurrence, as [start, end) offsets, in order. Must run in linear time on any input. */
  find(text: string): Span[];
}

export interface Span {
  start: number;
  end: number;
}

/** Runs a global regex with bounded quantifiers over `text`, keeping the matches `accept` validates. */
export function spansOf(pattern: RegExp, text: string, accept: (match: string) => Span | boolean): Span[] {
  const spans: Span[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    const verdict = accept(match[0]);
    if (verdict === true) spans.push({ start: match.index, end: match.index + match[0].length });
    else if (verdict) spans.push({ start: match.index + verdict.start, end: match.index + verdict.end });
  }
  return spans;
}
