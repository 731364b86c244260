import { AssistantSpec, type AssistantSpecInput, type QuickActionSpec } from '../../shared/assistants';
import { general } from './general';
import { hrPolicy } from './hr-policy';
import { meetingNotes } from './meeting-notes';
import { sales } from './sales';
import { supportInvestigator } from './support-investigator';
import { supportResolver } from './support-resolver';
import { writer } from './writer';

/**
 * The built-in assistants, in the order the panel lists them. Just a list: adding one is one file and one line here
 * (a test fails when a file under worker/assistants/ is not listed). Each is parsed with the same schema as an
 * administrator's spec, once per isolate, so a built-in can never hold what an admin could not save.
 */
const files: readonly AssistantSpecInput[] = [
  general,
  sales,
  supportResolver,
  supportInvestigator,
  meetingNotes,
  hrPolicy,
  writer,
];

export const builtInAssistants: readonly AssistantSpec[] = files.map((file) => AssistantSpec.parse(file));

const byId = new Map(builtInAssistants.map((assistant) => [assistant.id, assistant]));

export function findBuiltInAssistant(id: string): AssistantSpec | undefined {
  return byId.get(id);
}

/** A quick action and the first built-in assistant (in catalog order) that offers it. */
export interface BuiltInTask {
  assistant: AssistantSpec;
  action: QuickActionSpec;
}

const tasksById = new Map<string, BuiltInTask[]>();
for (const assistant of builtInAssistants) {
  for (const action of assistant.quickActions) {
    tasksById.set(action.id, [...(tasksById.get(action.id) ?? []), { assistant, action }]);
  }
}

/** Every built-in assistant offering this quick action, in catalog order (the follow-up email has two). */
export function builtInTasks(actionId: string): readonly BuiltInTask[] {
  return tasksById.get(actionId) ?? [];
}

export function isBuiltInQuickAction(actionId: string): boolean {
  return tasksById.has(actionId);
}
