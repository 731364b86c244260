import type { AssistantSummary, QuickActionSpec } from '../../shared/assistants';
import { builtInQuickActions } from '../../shared/built-in-quick-actions';
import type { PageContext } from '../../shared/page-context';
import type { ExtensionAction } from './types';
import { wordsFor } from './words';

type PublicAction = Omit<QuickActionSpec, 'task'> | (typeof builtInQuickActions)[number];

function toExtensionAction(action: PublicAction, assistantId?: string): ExtensionAction {
  const words = wordsFor(action.id);
  return {
    id: action.id,
    ...(assistantId ? { assistantId } : {}),
    // A built-in action is named in the browser's language; an administrator's as they wrote it.
    get label() {
      return words?.label() ?? action.label;
    },
    icon: action.icon ?? '•',
    kinds: action.kinds,
    output: action.output,
    needsSelection: ('needsSelection' in action && action.needsSelection) || false,
    request: () => words?.request() ?? action.request,
  };
}

/** The built-in quick actions, for the moments the catalog is not there (loading, or a server without it). */
export function builtInActions(): ExtensionAction[] {
  return builtInQuickActions.map((action) => toExtensionAction(action));
}

/**
 * The panel's quick actions from the catalog: the chosen assistant's tasks first, then every other assistant's in
 * catalog order, each once (the follow-up email is a task of two assistants: the chosen one's wins, else the first).
 * Each carries the assistant that runs it.
 */
export function actionsFromCatalog(
  assistants: readonly AssistantSummary[],
  chosenId: string | undefined,
): ExtensionAction[] {
  const chosen = assistants.filter((assistant) => assistant.id === chosenId);
  const others = assistants.filter((assistant) => assistant.id !== chosenId);
  const seen = new Set<string>();
  const actions: ExtensionAction[] = [];
  for (const assistant of [...chosen, ...others]) {
    for (const action of assistant.quickActions) {
      if (seen.has(action.id)) continue;
      seen.add(action.id);
      actions.push(toExtensionAction(action, assistant.id));
    }
  }
  return actions;
}

export function findAction(actions: readonly ExtensionAction[], id: string): ExtensionAction | undefined {
  return actions.find((action) => action.id === id);
}

/** The actions that fit the page: its kind is one they are made for, and it has what they need. */
export function actionsFor(actions: readonly ExtensionAction[], page: PageContext | undefined): ExtensionAction[] {
  if (!page) return [];
  return actions.filter((action) => action.kinds.includes(page.kind) && (!action.needsSelection || !!page.selection));
}
