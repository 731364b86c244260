import type { UIMessage } from 'ai';
import { Fragment, useEffect, useRef } from 'react';
import { t } from '../lib/i18n';
import { AnsweredBy } from './AnsweredBy';
import { CitedText } from './Citations';
import { citedAndSearched, sourcesOf } from './citation-sources';
import { FeedbackBar } from './FeedbackBar';
import { HandoffNotes } from './HandoffNotes';
import { HistoryNotice, historyNoticeOf } from './HistoryNotice';
import { Sources } from './Sources';
import { StoppedNote } from './StoppedNote';
import { type ApprovalAnswer, ToolApprovals } from './ToolApprovals';
import { UserMessage } from './UserMessage';

function textOf(message: UIMessage): string {
  return message.parts
    .filter((part) => part.type === 'text')
    .map((part) => part.text)
    .join('');
}

/** An answer with its citations: markers in the text, and the cited sources listed below it. */
function AssistantMessage({
  message,
  onApproval,
  done,
}: {
  message: UIMessage;
  onApproval: ApprovalAnswer;
  /** The answer has finished streaming: it can be rated. */
  done: boolean;
}) {
  const text = textOf(message);
  const sources = sourcesOf(message);
  const { cited, searched } = citedAndSearched(text, sources);
  const notice = historyNoticeOf(message);
  return (
    <>
      {notice && <HistoryNotice notice={notice} />}
      <HandoffNotes message={message} />
      <CitedText text={text} sources={sources} />
      <ToolApprovals message={message} onAnswer={onApproval} />
      <Sources cited={cited} searched={searched} />
      {done && text && <AnsweredBy metadata={message.metadata} />}
      {done && text && <FeedbackBar messageId={message.id} kind="answer" excerpt={text} />}
    </>
  );
}

/**
 * The conversation. A new question brings its end into view; the panel's conversation area (useStickToBottom) then
 * follows the answer as it grows unless the person scrolls up to read.
 */
export function MessageList({
  messages,
  streaming,
  onApproval = () => undefined,
  stopped,
}: {
  messages: UIMessage[];
  streaming: boolean;
  /** Messages after which the person stopped the answer. */
  stopped?: ReadonlySet<string>;
  /** The person's answer to a tool approval (Approve / Deny on a card). */
  onApproval?: ApprovalAnswer;
}) {
  const end = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new message (the person's question) scrolls to it
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [messages.length]);

  return (
    <div className="messages" aria-live="polite">
      {messages.map((message, index) => (
        <Fragment key={message.id}>
          <article className={`message message--${message.role}`} data-role={message.role}>
            {message.role === 'user' ? (
              <UserMessage message={message} text={textOf(message)} />
            ) : (
              <AssistantMessage
                message={message}
                onApproval={onApproval}
                done={!streaming || index < messages.length - 1}
              />
            )}
            {stopped?.has(message.id) && message.role === 'assistant' && <StoppedNote />}
          </article>
          {/* Stopped before the first word: the note stands where the answer would have been. */}
          {stopped?.has(message.id) && message.role === 'user' && (
            <div className="message message--assistant">
              <StoppedNote />
            </div>
          )}
        </Fragment>
      ))}
      {streaming && messages.at(-1)?.role === 'user' && (
        <div className="message message--assistant message--pending" role="status" aria-label={t('panel.thinking')}>
          <span className="dots" aria-hidden="true" />
        </div>
      )}
      <div ref={end} />
    </div>
  );
}
