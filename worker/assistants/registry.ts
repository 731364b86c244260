import {
  AssistantSpec,
  type AssistantSpecInput,
  type CatalogLanguage,
  type QuickActionSpec,
} from '../../shared/assistants';
import { general, generalInFrench } from './general';
import { hrPolicy, hrPolicyInFrench } from './hr-policy';
import { meetingNotes, meetingNotesInFrench } from './meeting-notes';
import { sales, salesInFrench } from './sales';
import { supportInvestigator, supportInvestigatorInFrench } from './support-investigator';
import { supportResolver, supportResolverInFrench } from './support-resolver';
import type { AssistantTexts, AssistantTranslations } from './translations';
import { writer, writerInFrench } from './writer';

/**
 * The built-in assistants, in the order the panel lists them. Just a list: adding one is one file and one line here
 * (a test fails when a file under worker/assistants/ is not listed). Each is parsed with the same schema as an
 * administrator's spec, once per isolate, so a built-in can never hold what an admin could not save.
 */
const files: readonly (readonly [AssistantSpecInput, AssistantTranslations])[] = [
  [general, { fr: generalInFrench }],
  [sales, { fr: salesInFrench }],
  [supportResolver, { fr: supportResolverInFrench }],
  [supportInvestigator, { fr: supportInvestigatorInFrench }],
  [meetingNotes, { fr: meetingNotesInFrench }],
  [hrPolicy, { fr: hrPolicyInFrench }],
  [writer, { fr: writerInFrench }],
];

export const builtInAssistants: readonly AssistantSpec[] = files.map(([file]) => AssistantSpec.parse(file));

const translations = new Map(files.map(([file, texts]) => [file.id, texts]));

/** A built-in assistant's name, description and starters in `language`; undefined for an administrator's. */
export function builtInTexts(id: string, language: CatalogLanguage): AssistantTexts | undefined {
  if (language === 'en') {
    const spec = byIdOf(id);
    return spec && { name: spec.name, description: spec.description, starters: spec.starters };
  }
  return translations.get(id)?.[language];
}

const byId = new Map(builtInAssistants.map((assistant) => [assistant.id, assistant]));
const byIdOf = (id: string) => byId.get(id);

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
