import { useState } from 'react';
import { type FeedbackKind, type FeedbackReason, feedbackLimits, feedbackReasons } from '../../shared/oversight';
import { sendFeedback } from '../lib/feedback';
import { t } from '../lib/i18n';
import { ThumbDownIcon, ThumbUpIcon } from './icons';

/** Literal keys, so the locale checks see every one. */
const reasonLabel: Record<FeedbackReason, () => string> = {
  wrong: () => t('feedback.reasons.wrong'),
  outdated: () => t('feedback.reasons.outdated'),
  not_grounded: () => t('feedback.reasons.not_grounded'),
  unsafe: () => t('feedback.reasons.unsafe'),
  other: () => t('feedback.reasons.other'),
};

type State = 'idle' | 'choosing' | 'sending' | 'sent' | 'failed';

/**
 * Thumbs up / down under an answer or a draft. A thumbs-down asks why (wrong, outdated, not grounded, unsafe,
 * other) and takes an optional comment before it is sent; either way the person sees it was received.
 */
export function FeedbackBar({
  messageId,
  kind,
  excerpt,
  action,
}: {
  messageId: string;
  kind: FeedbackKind;
  excerpt: string;
  /** The quick action that wrote a draft. */
  action?: string;
}) {
  const [state, setState] = useState<State>('idle');
  const [rating, setRating] = useState<'up' | 'down' | undefined>();
  const [reason, setReason] = useState<FeedbackReason>('wrong');
  const [comment, setComment] = useState('');

  const send = async (chosen: 'up' | 'down') => {
    setRating(chosen);
    setState('sending');
    try {
      await sendFeedback({
        messageId,
        kind,
        ...(action ? { action } : {}),
        rating: chosen,
        ...(chosen === 'down' ? { reason, ...(comment.trim() ? { comment: comment.trim() } : {}) } : {}),
        excerpt: excerpt.slice(0, feedbackLimits.maxExcerptChars),
      });
      setState('sent');
    } catch {
      setState('failed');
    }
  };

  if (state === 'sent')
    return (
      <p className="feedback feedback--sent" role="status">
        {t('feedback.thanks')}
      </p>
    );

  return (
    <div className="feedback">
      <div className="feedback__thumbs">
        <button
          type="button"
          className="feedback__thumb"
          aria-pressed={rating === 'up'}
          aria-label={t('feedback.up')}
          title={t('feedback.up')}
          disabled={state === 'sending'}
          onClick={() => void send('up')}
        >
          <ThumbUpIcon />
        </button>
        <button
          type="button"
          className="feedback__thumb"
          aria-pressed={state === 'choosing' || rating === 'down'}
          aria-label={t('feedback.down')}
          title={t('feedback.down')}
          disabled={state === 'sending'}
          onClick={() => setState('choosing')}
        >
          <ThumbDownIcon />
        </button>
        {state === 'failed' && (
          <span className="feedback__error" role="alert">
            {t('feedback.failed')}
          </span>
        )}
      </div>
      {state === 'choosing' && (
        <form
          className="feedback__form"
          onSubmit={(event) => {
            event.preventDefault();
            void send('down');
          }}
        >
          <fieldset>
            <legend>{t('feedback.why')}</legend>
            {feedbackReasons.map((value) => (
              <label key={value} className="feedback__reason">
                <input
                  type="radio"
                  name={`reason-${messageId}`}
                  value={value}
                  checked={reason === value}
                  onChange={() => setReason(value)}
                />
                {reasonLabel[value]()}
              </label>
            ))}
          </fieldset>
          <textarea
            aria-label={t('feedback.comment')}
            placeholder={t('feedback.comment')}
            maxLength={feedbackLimits.maxCommentChars}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            rows={2}
          />
          <div className="feedback__actions">
            <button type="button" onClick={() => setState('idle')}>
              {t('feedback.cancel')}
            </button>
            <button type="submit" className="primary">
              {t('feedback.send')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
