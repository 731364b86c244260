import type { PageContext } from '../../shared/page-context';
import { t } from '../lib/i18n';

/**
 * The address to prefill in "To": an email field of the record or ticket (Contact Email, Requester email…).
 * Only labelled fields count — an address anywhere in the page text could be the person's own or a colleague's.
 * The lookbehind starts a match only where a run of address characters starts (linear on any value).
 */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

export function recipientEmail(page: PageContext | undefined): string | undefined {
  if (!page) return undefined;
  const fields = [...(page.record?.fields ?? []), ...(page.conversation?.fields ?? [])];
  const preferred = fields.filter((field) => /contact|requester|customer|recipient/i.test(field.label));
  for (const field of [...preferred, ...fields.filter((field) => /e-?mail/i.test(field.label))]) {
    const match = EMAIL.exec(field.value);
    if (match) return match[0];
  }
  return undefined;
}

/** A subject when the model left the Subject line out: what the page is about, never something invented. */
export function fallbackSubject(page: PageContext): string {
  const topic = page.record?.name ?? page.conversation?.subject ?? page.title.replace(/(?<!\s)\s*[|–—-][^|–—-]*$/, '');
  return t('draft.fallbackSubject', { topic: topic || page.title }).slice(0, 200);
}
