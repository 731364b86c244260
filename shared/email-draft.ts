/**
 * The email output shape. The model streams plain text whose first line is `Subject: …`, then a blank line,
 * then the body: readable while it streams, parseable at any moment, and still usable when a model ignores
 * the format (the whole text becomes the body and the panel proposes a subject).
 */

export interface EmailDraft {
  subject: string;
  body: string;
  /** False while the subject line has not arrived (or the model left it out). */
  hasSubject: boolean;
}

/**
 * The start of `Subject: x`, `**Subject:** x`, `Subject - x`, `# Subject: x`, `Objet : x`, `Betreff: x`,
 * `Asunto: x`. The value is trimmed by a scan: `(.*?)\s*\**\s*$` retried the trailing spaces at every
 * character, which is quadratic on a long line of spaces.
 */
const SUBJECT_START = /^[#>\s*]*(?:subject|objet|betreff|asunto|oggetto|assunto|onderwerp)[\s*]*[:：-]/i;

const isDecoration = (char: string | undefined) => char === '*' || (char !== undefined && /\s/.test(char));

function subjectOf(line: string): string | undefined {
  const start = SUBJECT_START.exec(line);
  if (!start) return undefined;
  let from = start[0].length;
  let to = line.length;
  while (from < to && isDecoration(line[from])) from++;
  while (to > from && isDecoration(line[to - 1])) to--;
  return line.slice(from, to);
}

/** A code fence around the whole answer is a formatting habit of some models, not part of the email. */
function stripFence(text: string): string {
  return text.replace(/^\s*```[a-z]*\n/i, '').replace(/\n```\s*$/, '');
}

export function parseEmailDraft(raw: string): EmailDraft {
  const text = stripFence(raw.replace(/\r\n/g, '\n')).replace(/^\s+/, '');
  const newline = text.indexOf('\n');
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  const subject = subjectOf(firstLine);
  if (subject === undefined) return { subject: '', body: text.trimEnd(), hasSubject: false };
  const body = newline < 0 ? '' : text.slice(newline + 1).replace(/^\s*\n/, '');
  return { subject, body: body.trim(), hasSubject: true };
}

/** What the draft could not ground: `[date to confirm]`, `[price to confirm]`, `[your name]`… */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\[([^\][\n]{2,80})\]/g)]
    .map((match) => match[0])
    .filter((placeholder) => !/^\[\d+\]$/.test(placeholder));
}

/** Subject and body as one text, the way a person pastes an email somewhere else. */
export function formatEmail(draft: { subject: string; body: string }): string {
  return draft.subject ? `Subject: ${draft.subject}\n\n${draft.body}` : draft.body;
}

/**
 * Citation markers ([1], [2][3]) help the agent check a reply; they are not for the customer. The lookbehind
 * starts a match only at the first blank of a run, so a long run of spaces is scanned once, not per space.
 */
export function withoutCitations(text: string): string {
  return text.replace(/(?<![ \t])[ \t]*(?:\[\d{1,2}\])+/g, '');
}
