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

/** Matches `Subject: x`, `**Subject:** x`, `Subject - x`, `# Subject: x`, `Objet : x`, `Betreff: x`, `Asunto: x`. */
const SUBJECT_LINE =
  /^[#>\s]*\**\s*(?:subject|objet|betreff|asunto|oggetto|assunto|onderwerp)\s*\**\s*[:：-]\s*\**\s*(.*?)\s*\**\s*$/i;

/** A code fence around the whole answer is a formatting habit of some models, not part of the email. */
function stripFence(text: string): string {
  return text.replace(/^\s*```[a-z]*\n/i, '').replace(/\n```\s*$/, '');
}

export function parseEmailDraft(raw: string): EmailDraft {
  const text = stripFence(raw.replace(/\r\n/g, '\n')).replace(/^\s+/, '');
  const newline = text.indexOf('\n');
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  const match = SUBJECT_LINE.exec(firstLine);
  if (!match) return { subject: '', body: text.trimEnd(), hasSubject: false };
  const body = newline < 0 ? '' : text.slice(newline + 1).replace(/^\s*\n/, '');
  return { subject: match[1] ?? '', body: body.trim(), hasSubject: true };
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

/** Citation markers ([1], [2][3]) help the agent check a reply; they are not for the customer. */
export function withoutCitations(text: string): string {
  return text.replace(/[ \t]*(?:\[\d{1,2}\])+/g, '');
}
