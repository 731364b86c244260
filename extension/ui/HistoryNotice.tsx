import type { UIMessage } from 'ai';
import { HISTORY_NOTICE_PART, HistoryNotice as HistoryNoticeData } from '../../shared/chat';
import { t } from '../lib/i18n';

/** The worker's `data-history` part on an answer, if it sent one (shared/chat.ts). */
export function historyNoticeOf(message: UIMessage): HistoryNoticeData | undefined {
  const part = message.parts.find((candidate) => candidate.type === HISTORY_NOTICE_PART);
  const parsed = HistoryNoticeData.safeParse(part && 'data' in part ? part.data : undefined);
  return parsed.success ? parsed.data : undefined;
}

/** Says, above an answer, that the model did not get the whole conversation. */
export function HistoryNotice({ notice }: { notice: HistoryNoticeData }) {
  const lines = [
    notice.omitted > 0
      ? t('panel.history.omitted', { omitted: String(notice.omitted), total: String(notice.total) })
      : '',
    notice.shortened > 0 ? t('panel.history.shortened') : '',
  ].filter(Boolean);
  if (lines.length === 0) return null;
  return (
    <p className="history-notice" data-testid="history-notice">
      {lines.join(' ')}
    </p>
  );
}
