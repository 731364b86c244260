import type { AssistantSummary, CatalogLanguage } from '../../shared/assistants';
import type { ResolvedAssistant } from './catalog';
import { builtInTexts } from './registry';

/**
 * What the panel gets of an assistant: everything but the instructions and the tasks' prompts. A built-in one's
 * name, description and starters are in the panel's `language`; an administrator's are as written.
 */
export function summaryOf(
  { spec, source, version }: ResolvedAssistant,
  language: CatalogLanguage = 'en',
): AssistantSummary {
  const texts = (source === 'built-in' && builtInTexts(spec.id, language)) || spec;
  return {
    id: spec.id,
    name: texts.name,
    description: texts.description,
    icon: spec.icon,
    model: spec.model,
    source,
    version,
    tools: spec.tools,
    knowledge: { spaces: [...spec.knowledge.spaces], customerFacing: spec.knowledge.customerFacing },
    suggestOn: spec.suggestOn,
    starters: [...texts.starters],
    quickActions: spec.quickActions.map(({ task: _task, ...action }) => action),
  };
}
