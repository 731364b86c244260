import { describe, expect, it } from 'vitest';
import { actionIds, actionSpecs } from '../../shared/actions';
import { pageKinds } from '../../shared/page-context';
import { builtInTasks } from '../../worker/assistants/registry';
import { contextMenuItems, manifestCommands } from './entry-points';
import { actionsFor, extensionActions, findAction } from './registry';

const page = (kind: (typeof pageKinds)[number], selection = false) => ({
  url: 'https://example.com/x',
  title: 'X',
  site: 'generic',
  kind,
  markdown: 'x',
  capturedAt: '2026-11-21T10:00:00.000Z',
  ...(selection ? { selection: { text: 'selected' } } : {}),
});

/** refined-github's rule: a feature that exists must be wired everywhere it is meant to be. */
describe('every quick action is wired', () => {
  it.each(actionIds)('%s is served by the worker and offered by the extension, with the same facts', (id) => {
    const worker = builtInTasks(id)[0]?.action;
    const extension = extensionActions.find((action) => action.id === id);
    expect(worker, `no built-in assistant (worker/assistants/) offers ${id}`).toBeDefined();
    expect(extension, `extension/actions/registry.ts lacks ${id}`).toBeDefined();
    for (const side of [worker!, extension!]) {
      expect(side.label).toBe(actionSpecs[id].label);
      expect(side.kinds).toEqual(actionSpecs[id].kinds);
      expect(side.output).toBe(actionSpecs[id].output);
    }
  });

  it('has no action in the extension that the shared list does not know', () => {
    expect(extensionActions.map((action) => action.id).sort()).toEqual([...actionIds].sort());
  });

  it.each(actionIds)('%s appears as a panel button on each page kind it is made for', (id) => {
    for (const kind of pageKinds) {
      const offered = actionsFor(page(kind, true)).some((action) => action.id === id);
      expect(offered, `${id} on ${kind}`).toBe(actionSpecs[id].kinds.includes(kind));
    }
  });

  it('offers Summarize selection only when there is a selection', () => {
    expect(actionsFor(page('article')).map((action) => action.id)).not.toContain('summarize-selection');
    expect(actionsFor(page('article', true)).map((action) => action.id)).toContain('summarize-selection');
    expect(actionsFor(undefined)).toEqual([]);
  });

  it('puts Summarize selection in the context menu on selected text, resolvable by the background', () => {
    const items = contextMenuItems();
    expect(items).toContainEqual({ id: 'summarize-selection', title: 'Summarize selection', contexts: ['selection'] });
    for (const item of items) expect(findAction(item.id)?.label).toBe(item.title);
    const withMenu = extensionActions.filter((action) => action.menu?.length).map((action) => action.id);
    expect(items.map((item) => item.id)).toEqual(withMenu);
  });

  it('gives every action with a shortcut a manifest command, within Chrome’s four suggested keys', () => {
    const commands = manifestCommands();
    for (const action of extensionActions) {
      if (action.shortcut) expect(commands[action.id]?.description).toBe(action.shortcut.description);
      expect(findAction(action.id)).toBe(action);
    }
    const suggested = Object.values(commands).filter((command) => command.suggested_key);
    // Alt+B (_execute_action, opening the panel) is the fourth.
    expect(suggested.length).toBeLessThanOrEqual(3);
    const keys = suggested.map((command) => command.suggested_key!.default);
    expect(new Set([...keys, 'Alt+B']).size).toBe(keys.length + 1);
  });
});
