import type { QuickActionOutput } from '../../shared/assistants';
import type { PageContext, PageKind } from '../../shared/page-context';

export type MenuContext = 'selection' | 'page' | 'editable' | 'link';

/**
 * A quick action as the panel runs it: a task of an assistant in the catalog (`GET /v1/assistants`), or a built-in
 * one before the catalog has arrived. Labels are in the browser's language for built-ins, as written for an
 * administrator's.
 */
export interface ExtensionAction {
  id: string;
  /** The assistant whose task it is, sent as `assistantId`; absent: the server picks the first that offers it. */
  assistantId?: string;
  label: string;
  /** One text symbol (not an emoji: those need a colour-emoji font, which many Linux and headless setups lack). */
  icon: string;
  kinds: readonly PageKind[];
  output: QuickActionOutput;
  /** Works on the person's selection only, and is offered only when there is one. */
  needsSelection: boolean;
  /** The person's side of the conversation, shown as their message ("Summarize this page"). Our own words only. */
  request(page: PageContext): string;
}

/** Summaries and Markdown results stream into the conversation; emails and replies open the draft view. */
export function opensDraft(action: Pick<ExtensionAction, 'output'>): boolean {
  return action.output === 'email' || action.output === 'reply';
}
