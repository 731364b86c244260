import type { Redactor } from './redact';

/** Longest placeholder: `[` + type + `_` + six digits + `]`. */
const longestPlaceholder = 24;

/**
 * Puts real values back into text that arrives in pieces: a placeholder can be split across deltas
 * (`"[EMA"`, `"IL_1] wrote"`), so a tail that could still become one is held back until the next piece
 * (or the end) decides it.
 */
export class StreamRestorer {
  private pending = '';

  constructor(private readonly redactor: Redactor) {}

  push(delta: string): string {
    const text = this.pending + delta;
    const open = text.lastIndexOf('[');
    if (open >= 0 && text.length - open < longestPlaceholder && /^\[[A-Z]*(?:_\d*)?$/.test(text.slice(open))) {
      this.pending = text.slice(open);
      return this.redactor.restore(text.slice(0, open));
    }
    this.pending = '';
    return this.redactor.restore(text);
  }

  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return this.redactor.restore(rest);
  }
}
