/**
 * "Open in…" links for a draft: Gmail's and Outlook on the web's compose URLs, or the mail app via mailto:.
 * Subject and body travel as query parameters, encoded with encodeURIComponent (a `+` would reach the
 * subject as a literal plus in mailto: clients).
 */

export interface MailDraft {
  to?: string;
  subject: string;
  body: string;
}

/** Mail clients and browsers cut long URLs (about 2,000 characters for some mailto: handlers). */
export const MAX_URL_BODY_CHARS = 1_800;

function clip(body: string): string {
  return body.length <= MAX_URL_BODY_CHARS
    ? body
    : `${body.slice(0, MAX_URL_BODY_CHARS)}\n[…draft shortened: use Copy for the full text]`;
}

const query = (pairs: [string, string | undefined][]) =>
  pairs
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${encodeURIComponent(value!)}`)
    .join('&');

export function gmailComposeUrl(draft: MailDraft): string {
  return `https://mail.google.com/mail/?${query([
    ['view', 'cm'],
    ['fs', '1'],
    ['to', draft.to],
    ['su', draft.subject],
    ['body', clip(draft.body)],
  ])}`;
}

export function outlookComposeUrl(draft: MailDraft): string {
  return `https://outlook.office.com/mail/deeplink/compose?${query([
    ['to', draft.to],
    ['subject', draft.subject],
    ['body', clip(draft.body)],
  ])}`;
}

export function mailtoUrl(draft: MailDraft): string {
  // The address is part of the path in mailto:, where only a bare address is valid.
  const to =
    draft.to && /^[^\s@,;?&]+@[^\s@,;?&]+$/.test(draft.to) ? encodeURIComponent(draft.to).replace(/%40/g, '@') : '';
  const params = query([
    ['subject', draft.subject],
    ['body', clip(draft.body).replace(/\r?\n/g, '\r\n')],
  ]);
  return `mailto:${to}${params ? `?${params}` : ''}`;
}
