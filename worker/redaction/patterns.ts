import type { Detector } from './types';

/**
 * Deployment-specific identifiers (`REDACT_PATTERNS`: a JSON list of regular expressions, e.g. customer numbers).
 * Every pattern runs over every prompt, so one that can backtrack catastrophically would let a page stall the
 * worker: patterns with a backreference, a quantified group that itself contains a quantifier or an alternation
 * (`(a+)+`, `(a|ab)*`), or more than one unbounded quantifier are refused, and so is an invalid one.
 */
export class InvalidPatternError extends Error {
  constructor(position: number | undefined, reason: string) {
    // Names the pattern by position, never by its text: problems are shown on health pages and in logs.
    super(position === undefined ? `REDACT_PATTERNS ${reason}` : `REDACT_PATTERNS pattern ${position + 1} ${reason}`);
    this.name = 'InvalidPatternError';
  }
}

/** Why a pattern could take more than linear time, or undefined when it cannot. */
export function nonLinearReason(source: string): string | undefined {
  if (/\\[1-9]|\\k</.test(source)) return 'uses a backreference';
  const groups: { quantified: boolean; alternation: boolean }[] = [];
  let unbounded = 0;
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') {
      index++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') groups.push({ quantified: false, alternation: false });
    else if (char === '|') {
      const top = groups.at(-1);
      if (top) top.alternation = true;
    } else if (char === ')') {
      const group = groups.pop();
      const next = source.slice(index + 1);
      const quantifier = next.match(/^(?:[*+?]|\{\d+(?:,\d*)?\})/)?.[0];
      if (quantifier && group && (group.quantified || group.alternation))
        return 'repeats a group that itself repeats or alternates (catastrophic backtracking)';
      const parent = groups.at(-1);
      if (parent && group && (group.quantified || quantifier)) parent.quantified = true;
    } else if (char === '*' || char === '+' || char === '?' || char === '{') {
      const top = groups.at(-1);
      if (top) top.quantified = true;
    }
    if (char === '*' || char === '+' || (char === '{' && /^\{\d+,\}/.test(source.slice(index)))) unbounded++;
  }
  if (unbounded > 1) return 'has more than one unbounded quantifier (polynomial backtracking)';
  return undefined;
}

/** Parses and validates `REDACT_PATTERNS`; throws InvalidPatternError naming the first bad pattern. */
export function customDetectors(json: string | undefined): Detector[] {
  if (!json?.trim()) return [];
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    throw new InvalidPatternError(undefined, 'is not a JSON list of strings');
  }
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string'))
    throw new InvalidPatternError(undefined, 'is not a JSON list of strings');
  return (list as string[]).map((source, position) => {
    const reason = nonLinearReason(source);
    if (reason) throw new InvalidPatternError(position, reason);
    let pattern: RegExp;
    try {
      pattern = new RegExp(source, 'gu');
    } catch {
      throw new InvalidPatternError(position, 'is not a valid regular expression');
    }
    if (pattern.test('')) throw new InvalidPatternError(position, 'matches the empty string');
    return {
      type: 'ID',
      find(text: string) {
        const spans = [];
        pattern.lastIndex = 0;
        for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
          if (match[0] === '') pattern.lastIndex++;
          else spans.push({ start: match.index, end: match.index + match[0].length });
        }
        return spans;
      },
    } satisfies Detector;
  });
}
