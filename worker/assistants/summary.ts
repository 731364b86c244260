import type { AssistantSummary } from '../../shared/assistants';
import type { ResolvedAssistant } from './catalog';

/** What the panel gets of an assistant: everything but the instructions and the tasks' prompts. */
export function summaryOf({ spec, source, version }: ResolvedAssistant): AssistantSummary {
  return {
    id: spec.id,
    name: spec.name,
    description: spec.description,
    icon: spec.icon,
    model: spec.model,
    source,
    version,
    tools: spec.tools,
    knowledge: { spaces: [...spec.knowledge.spaces], customerFacing: spec.knowledge.customerFacing },
    suggestOn: spec.suggestOn,
    starters: spec.starters,
    quickActions: spec.quickActions.map(({ task: _task, ...action }) => action),
  };
}
