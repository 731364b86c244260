import type { PageContext, RecordField } from '../../shared/page-context';
import { t } from '../lib/i18n';

/** The field labels that say where a record stands, and what it is worth, in the order we prefer them. */
const stateLabels = [/^(deal )?stage$/i, /^(lead )?status$/i, /^lifecycle stage$/i, /^priority$/i, /^type$/i];
const valueLabels = [/^(deal )?amount$/i, /^annual revenue$/i, /^expected revenue$/i];

/** Trackers whose tickets people call issues. */
const issueSites = new Set(['github', 'jira']);

const compactMoney = (value: string) => value.replace(/(\d)\.00\b/, '$1');

function fieldMatching(fields: readonly RecordField[], patterns: readonly RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const field = fields.find((candidate) => pattern.test(candidate.label));
    if (field) return field.value;
  }
  return undefined;
}

function size(chars: number): string {
  return chars >= 1000
    ? t('capture.describe.kiloChars', { count: String(Math.round(chars / 1000)) })
    : t('capture.describe.chars', { count: String(chars) });
}

/**
 * One line for the panel's capture chip, in the person's words: "Opportunity · Acme Corp · Negotiation · $120,000",
 * "Ticket #4821 · 6 messages · 2 internal", "Pricing FAQ · help.example.com · 3k chars".
 */
export function describeCapture(page: PageContext): string {
  const trimmed = page.truncated ? [t('capture.describe.trimmed')] : [];
  if (page.selection && page.markdown.startsWith('# Selection')) {
    const context = page.selection.context
      ? [t('capture.describe.selectionIn', { context: page.selection.context })]
      : [];
    return [t('capture.describe.selection'), ...context, size(page.selection.text.length), ...trimmed].join(' · ');
  }
  const { record, conversation } = page;
  if (record) {
    const state = fieldMatching(record.fields, stateLabels);
    const value = fieldMatching(record.fields, valueLabels);
    const parts = [record.objectType, record.name, state, value && compactMoney(value)];
    return [...parts.filter((part): part is string => !!part), ...trimmed].join(' · ');
  }
  if (conversation) {
    const total = conversation.messages.length + conversation.omittedMessages;
    const internal = conversation.messages.filter((message) => message.visibility === 'internal').length;
    const noun = conversation.noun ?? (issueSites.has(page.site) ? 'issue' : 'ticket');
    const word =
      noun === 'pullRequest'
        ? t('capture.describe.pullRequest')
        : noun === 'issue'
          ? t('capture.describe.issue')
          : t('capture.describe.ticket');
    const name =
      page.kind === 'ticket'
        ? `${word}${conversation.id ? ` #${conversation.id}` : ''}`
        : (conversation.subject ?? page.title);
    const parts = [
      name,
      t('capture.describe.messages', total),
      internal > 0 ? t('capture.describe.internal', { count: String(internal) }) : '',
    ];
    return [...parts.filter(Boolean), ...trimmed].join(' · ');
  }
  const host = (() => {
    try {
      return new URL(page.url).hostname;
    } catch {
      return page.site;
    }
  })();
  return [page.title || host, host, size(page.markdown.length), ...trimmed].filter(Boolean).join(' · ');
}
