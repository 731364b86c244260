import type { ActionOptions, Length, Tone } from '../../shared/actions';
import type { QuickActionOutput } from '../../shared/assistants';

/**
 * Tone, length and language as instructions. Each option maps to words the model can act on (a word count,
 * what to leave out) rather than an adjective alone, so changing a control visibly changes the draft.
 */

const TONE: Record<Tone, string> = {
  friendly: 'Tone: friendly — warm and personable, still professional; contractions are fine.',
  formal: 'Tone: formal — courteous and polished; no contractions, no exclamation marks, no slang.',
  concise: 'Tone: concise — direct and to the point; no pleasantries beyond a one-line greeting and sign-off.',
};

const WORDS: Record<Length, string> = {
  short: 'Length: short — at most 80 words.',
  medium: 'Length: medium — about 120 to 180 words.',
  long: 'Length: long — about 250 to 350 words, with the detail that helps.',
};

const SUMMARY: Record<Length, string> = {
  short: 'Length: short — at most 3 bullet points.',
  medium: 'Length: medium — about 5 bullet points.',
  long: 'Length: long — up to 8 bullet points, then one short paragraph on what matters most.',
};

const MARKDOWN: Record<Length, string> = {
  short: 'Length: short — the essentials only, readable in under a minute.',
  medium: 'Length: medium — one screen at most.',
  long: 'Length: long — complete, with the detail that helps.',
};

export function toneLine(tone: Tone): string {
  return TONE[tone];
}

export function lengthLine(length: Length, output: QuickActionOutput): string {
  if (output === 'summary') return SUMMARY[length];
  return output === 'markdown' ? MARKDOWN[length] : WORDS[length];
}

/**
 * Without a chosen language a draft answers in the language the other party writes in (it goes to them), and a
 * summary or a brief in the language of the person's request (it is for them: "Résume cette page" gets French).
 */
export function languageLine(language: string | undefined, output: QuickActionOutput): string {
  if (language) return `Language: write in ${language}.`;
  return output === 'summary' || output === 'markdown'
    ? "Language: write in the language of the person's request (their latest message), even when the text you summarise is in another language."
    : "Language: write in the language of the other party's latest message on the page; if there is none, in the language of the page.";
}

export function styleLines(options: ActionOptions, output: QuickActionOutput): string {
  return [toneLine(options.tone), lengthLine(options.length, output), languageLine(options.language, output)].join(
    '\n',
  );
}

/** The rule every draft follows: what the page and the knowledge do not say stays a visible placeholder. */
export const PLACEHOLDERS = `Never invent facts, names, prices, discounts, dates, deadlines, figures, links or commitments.
Use only what the page (and company knowledge, when given) says. Where the message needs something you were not given,
write a placeholder in square brackets that says what is missing, for example [date to confirm], [price to confirm],
[link to the proposal], [your name]. A placeholder is always better than a guess.`;
