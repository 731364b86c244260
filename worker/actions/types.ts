import type { ActionOptions, ActionSpec } from '../../shared/actions';
import type { PageContext } from '../../shared/page-context';

/** The worker's half of a quick action (the shared half, ids and kinds, is in shared/actions.ts). */
export interface WorkerAction extends ActionSpec {
  /** The person's request when the panel sends no conversation ("Draft the follow-up email."). */
  defaultRequest: string;
  /** What of the page the model may read: an action narrows it when it must see less (the selection only). */
  pageFor(page: PageContext): PageContext;
  /** Actions grounded in company knowledge say what to search for; the others never touch the knowledge base. */
  knowledgeQuery?(page: PageContext): string;
  /** The task section of the instructions, last in the prompt so it is what the model reads most recently. */
  task(options: ActionOptions): string;
}
