import { isToolUIPart, type UIMessage } from 'ai';
import { useId } from 'react';
import { describeToolCall } from '../../shared/tool-calls';
import { t } from '../lib/i18n';

export type ApprovalAnswer = (approvalId: string, approved: boolean) => void;

type ToolPart = Extract<UIMessage['parts'][number], { toolCallId: string }>;

function toolNameOf(part: ToolPart): string {
  return part.type === 'dynamic-tool' ? (part as { toolName: string }).toolName : part.type.slice('tool-'.length);
}

/** Where an approved or denied call stands, in words. */
function outcomeOf(part: ToolPart): string | undefined {
  switch (part.state) {
    case 'approval-responded':
      return part.approval?.approved ? t('approval.running') : t('approval.denied');
    case 'output-available':
      return t('approval.done');
    case 'output-error':
      return t('approval.failed');
    case 'output-denied':
      return t('approval.denied');
    default:
      return undefined;
  }
}

/**
 * One call that needed the person's approval: the tool, the system it acts on and its arguments in plain words,
 * then Approve / Deny while it waits, or what became of it. Arguments come from the model: shown as text only.
 */
function ApprovalCard({ part, onAnswer }: { part: ToolPart; onAnswer: ApprovalAnswer }) {
  const headingId = useId();
  const described = describeToolCall(toolNameOf(part), part.input);
  const waiting = part.state === 'approval-requested';
  const outcome = outcomeOf(part);
  const approvalId = part.approval?.id;
  return (
    <fieldset className="approval" aria-labelledby={headingId} data-testid="approval-card" data-state={part.state}>
      <p className="approval__heading" id={headingId}>
        {waiting ? t('approval.heading') : described.title}
      </p>
      {waiting && (
        <p className="approval__tool">
          <strong>{described.title}</strong>
          {described.server && (
            <span className="approval__server"> · {t('approval.onSystem', [described.server])}</span>
          )}
        </p>
      )}
      {described.fields.length > 0 && (
        <dl className="approval__fields">
          {described.fields.map((field) => (
            <div key={field.label} className="approval__field">
              <dt>{field.label}</dt>
              <dd>{field.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {waiting && approvalId ? (
        <>
          <p className="approval__note">{t('approval.waiting')}</p>
          <div className="approval__actions">
            <button type="button" className="button" onClick={() => onAnswer(approvalId, true)}>
              {t('approval.approve')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => onAnswer(approvalId, false)}>
              {t('approval.deny')}
            </button>
          </div>
        </>
      ) : (
        outcome && (
          <p className="approval__outcome" role="status">
            {outcome}
          </p>
        )
      )}
    </fieldset>
  );
}

/** The approval cards of an answer: every tool call that asked the person before running. */
export function ToolApprovals({ message, onAnswer }: { message: UIMessage; onAnswer: ApprovalAnswer }) {
  const parts = message.parts.filter((part): part is ToolPart => isToolUIPart(part) && part.approval !== undefined);
  if (parts.length === 0) return null;
  return (
    <>
      {parts.map((part) => (
        <ApprovalCard key={part.toolCallId} part={part} onAnswer={onAnswer} />
      ))}
    </>
  );
}
