import { describe, expect, it } from 'vitest';
import { AssistantSpec } from '../../shared/assistants';
import { builtInAssistants, builtInTasks, findBuiltInAssistant } from './registry';

/** Every module of this folder that exports an assistant spec; the registry must list each of them. */
const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], { eager: true });

function declaredSpecs(): { file: string; id: string }[] {
  return Object.entries(modules).flatMap(([file, exports]) =>
    Object.values(exports).flatMap((value) => {
      const parsed = AssistantSpec.safeParse(value);
      return parsed.success ? [{ file, id: parsed.data.id }] : [];
    }),
  );
}

describe('built-in assistants', () => {
  it('lists every assistant file of worker/assistants/ (one file each)', () => {
    const declared = declaredSpecs();
    expect(declared.length).toBeGreaterThanOrEqual(7);
    expect(builtInAssistants.map((assistant) => assistant.id).sort()).toEqual(declared.map((spec) => spec.id).sort());
    expect(new Set(declared.map((spec) => spec.file)).size).toBe(declared.length);
  });

  it('has the assistants the product promises, General first', () => {
    expect(builtInAssistants.map((assistant) => assistant.id)).toEqual([
      'general',
      'sales',
      'support-resolver',
      'support-investigator',
      'meeting-notes',
      'hr-policy',
      'writer',
    ]);
    expect(findBuiltInAssistant('hr-policy')?.knowledge.spaces).toEqual(['hr']);
  });

  it('keeps the quick action ids the panel and the API already use', () => {
    for (const id of ['summarize-selection', 'summarize-page', 'follow-up-email', 'ticket-reply']) {
      expect(builtInTasks(id).length, id).toBeGreaterThan(0);
    }
    expect(builtInTasks('ticket-reply')[0]?.assistant.id).toBe('support-resolver');
  });

  it('names models by alias and suggests the Support Resolver on a Zendesk ticket', () => {
    for (const assistant of builtInAssistants) expect(assistant.model).toMatch(/^(default|smart)$/);
    const resolver = findBuiltInAssistant('support-resolver');
    expect(resolver?.suggestOn).toContainEqual({ site: 'zendesk', kind: 'ticket' });
  });
});
