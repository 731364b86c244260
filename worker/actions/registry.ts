import type { ActionId } from '../../shared/actions';
import { followUpEmail } from './follow-up-email';
import { summarizePage } from './summarize-page';
import { summarizeSelection } from './summarize-selection';
import { ticketReply } from './ticket-reply';
import type { WorkerAction } from './types';

/** Every quick action the worker serves. Just a list: adding an action is one file and one line here. */
export const workerActions: readonly WorkerAction[] = [summarizeSelection, summarizePage, followUpEmail, ticketReply];

export function findWorkerAction(id: string): WorkerAction | undefined {
  return workerActions.find((action) => action.id === (id as ActionId));
}
