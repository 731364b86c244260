import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionIds } from '../../shared/actions';
import type { AssistantSummary } from '../../shared/assistants';
import { builtInQuickActions } from '../../shared/built-in-quick-actions';
import { pageKinds } from '../../shared/page-context';
import { builtInAssistants, builtInTasks } from '../../worker/assistants/registry';
import { contextMenuItems, manifestCommands } from './entry-points';
import { actionsFor, actionsFromCatalog, builtInActions, findAction } from './registry';
import { actionWords } from './words';

const page = (kind: (typeof pageKinds)[number], selection = false) => ({
  url: 'https://example.com/x',
  title: 'X',
  site: 'generic',
  kind,
  markdown: 'x',
  capturedAt: '2026-11-21T10:00:00.000Z',
  ...(selection ? { selection: { text: 'selected' } } : {}),
});

/** The catalog the worker serves for someone who may use every built-in assistant. */
const catalog: AssistantSummary[] = builtInAssistants.map(
  ({ instructions: _, audience: __, specVersion: ___, ...spec }) => ({
    ...spec,
    source: 'built-in',
    version: 1,
    knowledge: { spaces: [...spec.knowledge.spaces], customerFacing: spec.knowledge.customerFacing },
    quickActions: spec.quickActions.map(({ task: _task, ...action }) => action),
  }),
);
const ids = (actions: { id: string }[]) => actions.map((action) => action.id);

/** refined-github's rule: a feature that exists must be wired everywhere it is meant to be. */
describe('every built-in quick action is wired from one list', () => {
  it.each(actionIds)('%s is a task of a built-in assistant, with exactly the public facts of the shared list', (id) => {
    const tasks = builtInTasks(id);
    expect(tasks.length, `no built-in assistant (worker/assistants/) offers ${id}`).toBeGreaterThan(0);
    const shared = builtInQuickActions.find((action) => action.id === id)!;
    for (const { action } of tasks) {
      const { task, ...served } = action;
      expect(task.length).toBeGreaterThan(0);
      // Parsed with defaults applied: the worker serves the shared entry, nothing added or changed but the task.
      expect(served).toMatchObject(shared);
      expect(Object.keys(served).every((key) => key in shared || !['label', 'kinds', 'menu'].includes(key))).toBe(true);
    }
  });

  it('has no built-in assistant task missing from the shared list', () => {
    const served = new Set(catalog.flatMap((assistant) => assistant.quickActions.map((action) => action.id)));
    expect([...served].sort()).toEqual([...actionIds].sort());
  });

  it('names every built-in action in English as the shared list does, with a French twin', () => {
    const french = readFileSync(resolve(import.meta.dirname, '../locales/fr.yml'), 'utf8');
    for (const action of builtInQuickActions) {
      const words = actionWords[action.id];
      expect(words.label()).toBe(action.label);
      expect(words.request()).toBe(action.request);
      const key = words.command.replace(/^__MSG_actions_|_command__$/g, '');
      expect(french, `fr.yml lacks actions.${key}`).toContain(`  ${key}:\n`);
    }
  });
});

describe('panel buttons from the catalog', () => {
  it.each(actionIds)('%s appears as a button on each page kind it is made for', (id) => {
    const actions = actionsFromCatalog(catalog, 'general');
    const kinds = builtInQuickActions.find((action) => action.id === id)!.kinds as readonly string[];
    for (const kind of pageKinds) {
      const offered = actionsFor(actions, page(kind, true)).some((action) => action.id === id);
      expect(offered, `${id} on ${kind}`).toBe(kinds.includes(kind));
    }
  });

  it('puts the chosen assistant’s tasks first, each action once, run by the assistant that offers it', () => {
    const forSales = actionsFromCatalog(catalog, 'sales');
    expect(ids(forSales).slice(0, 2)).toEqual(['account-brief', 'follow-up-email']);
    expect(findAction(forSales, 'follow-up-email')?.assistantId).toBe('sales');
    expect(new Set(ids(forSales)).size).toBe(forSales.length);
    // Meeting notes offers the follow-up email too: when it is chosen, it runs it.
    expect(findAction(actionsFromCatalog(catalog, 'meeting-notes'), 'follow-up-email')?.assistantId).toBe(
      'meeting-notes',
    );
    expect(findAction(actionsFromCatalog(catalog, 'general'), 'ticket-reply')?.assistantId).toBe('support-resolver');
  });

  it('offers an administrator’s task as written, and nothing an assistant outside the catalog offers', () => {
    const admin = {
      ...catalog[0]!,
      id: 'renewals',
      name: 'Renewals',
      source: 'admin' as const,
      quickActions: [
        {
          id: 'renewal-risk',
          label: 'Renewal risk',
          icon: '!',
          kinds: ['record' as const],
          output: 'markdown' as const,
          needsSelection: false,
          grounded: true,
          customerFacing: false,
          request: 'Assess the renewal risk',
        },
      ],
    };
    const onlyGeneral = [catalog[0]!, admin];
    const actions = actionsFor(actionsFromCatalog(onlyGeneral, 'renewals'), page('record'));
    expect(ids(actions)).toEqual(['renewal-risk', 'summarize-page']);
    expect(actions[0]?.label).toBe('Renewal risk');
    expect(actions[0]?.request(page('record'))).toBe('Assess the renewal risk');
    expect(actions[0]?.assistantId).toBe('renewals');
  });

  it('offers selection actions only when there is a selection, and the built-ins before the catalog arrives', () => {
    const actions = builtInActions();
    expect(ids(actionsFor(actions, page('article')))).not.toContain('summarize-selection');
    expect(ids(actionsFor(actions, page('article', true)))).toContain('summarize-selection');
    expect(actionsFor(actions, undefined)).toEqual([]);
    expect(ids(actions)).toEqual([...actionIds]);
    expect(actions.every((action) => action.assistantId === undefined)).toBe(true);
  });
});

describe('context menu and browser commands', () => {
  it('puts Summarize selection in the context menu on selected text, and only the actions that ask for it', () => {
    const items = contextMenuItems();
    expect(items).toContainEqual({ id: 'summarize-selection', title: 'Summarize selection', contexts: ['selection'] });
    const withMenu = builtInQuickActions.filter((action) => 'menu' in action && action.menu?.length);
    expect(ids(items)).toEqual(ids(withMenu));
  });

  it('gives every built-in action with a shortcut a localised manifest command, within Chrome’s four suggested keys', () => {
    const commands = manifestCommands();
    const english = readFileSync(resolve(import.meta.dirname, '../locales/en.yml'), 'utf8');
    for (const action of builtInQuickActions) {
      if (!action.shortcut) continue;
      const description = commands[action.id]?.description ?? '';
      expect(description).toMatch(/^__MSG_actions_\w+_command__$/);
      const key = description.replace(/^__MSG_actions_|_command__$/g, '');
      expect(english, `en.yml lacks actions.${key}.command`).toMatch(
        new RegExp(`  ${key}:\\n(?:    .*\\n)*?    command: `),
      );
    }
    expect(Object.keys(commands).sort()).toEqual(
      builtInQuickActions
        .filter((action) => action.shortcut)
        .map((action) => action.id)
        .sort(),
    );
    const suggested = Object.values(commands).filter((command) => command.suggested_key);
    // Alt+B (_execute_action, opening the panel) is the fourth.
    expect(suggested.length).toBeLessThanOrEqual(3);
    const keys = suggested.map((command) => command.suggested_key!.default);
    expect(new Set([...keys, 'Alt+B']).size).toBe(keys.length + 1);
  });
});
