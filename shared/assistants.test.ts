import { describe, expect, it } from 'vitest';
import {
  ASSISTANT_SPEC_VERSION,
  AssistantSpec,
  type AssistantSpecInput,
  inAudience,
  ModelAlias,
  suggestFor,
  ToolId,
} from './assistants';

const valid: AssistantSpecInput = {
  specVersion: 1,
  id: 'renewals',
  name: 'Renewals',
  description: 'Prepares renewal calls.',
  icon: '↻',
  instructions: 'Focus on renewal risk.',
  model: 'smart',
  tools: [
    { id: 'search_knowledge', approval: 'auto' },
    { id: 'mcp:crm/update_stage', approval: 'always' },
  ],
  knowledge: { spaces: ['sales'], customerFacing: false },
  suggestOn: [{ site: 'salesforce-lightning', kind: 'record' }],
  audience: ['sales-team'],
  starters: ['Is this renewal at risk?'],
  quickActions: [
    {
      id: 'renewal-email',
      label: 'Renewal email',
      task: 'Draft the renewal email.',
      output: 'email',
      kinds: ['record'],
      request: 'Draft the renewal email',
      grounded: true,
      customerFacing: true,
    },
  ],
};

function issuesOf(input: unknown): string[] {
  const result = AssistantSpec.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('AssistantSpec', () => {
  it('accepts a complete spec and fills the defaults of a minimal one', () => {
    expect(AssistantSpec.safeParse(valid).success).toBe(true);
    const minimal = AssistantSpec.parse({
      specVersion: 1,
      id: 'mini',
      name: 'Mini',
      description: 'Small.',
      icon: '·',
      instructions: 'Be brief.',
    });
    expect(minimal).toMatchObject({
      model: 'default',
      tools: [],
      knowledge: { spaces: ['*'], customerFacing: false },
      suggestOn: [],
      audience: ['*'],
      starters: [],
      quickActions: [],
    });
  });

  it('gives a tool the "auto" approval policy unless the spec says otherwise', () => {
    const spec = AssistantSpec.parse({ ...valid, tools: [{ id: 'read_page' }] });
    expect(spec.tools).toEqual([{ id: 'read_page', approval: 'auto' }]);
  });

  it('requires the spec version this server reads, and names it in the error', () => {
    expect(issuesOf({ ...valid, specVersion: 2 })).toEqual(['specVersion']);
    const { specVersion: _omitted, ...unversioned } = valid;
    expect(issuesOf(unversioned)).toEqual(['specVersion']);
    const result = AssistantSpec.safeParse({ ...valid, specVersion: 2 });
    expect(result.error?.issues[0]?.message).toContain(String(ASSISTANT_SPEC_VERSION));
  });

  it.each([
    ['id', { id: 'Renewals!' }],
    ['id', { id: '../admin' }],
    ['name', { name: '' }],
    ['instructions', { instructions: '   ' }],
    ['model', { model: 'main:gpt-4o-mini' }],
    ['model', { model: 'gpt-4o' }],
    ['model', { model: 'claude-sonnet-4-5' }],
    ['model', { model: 'openai/gpt-4o' }],
    ['tools.0.id', { tools: [{ id: 'mcp:crm' }] }],
    ['tools.0.approval', { tools: [{ id: 'read_page', approval: 'sometimes' }] }],
    ['tools.1', { tools: [{ id: 'read_page' }, { id: 'read_page' }] }],
    ['knowledge.spaces.0', { knowledge: { spaces: ['Sales Team'] } }],
    ['knowledge.spaces.0', { knowledge: { spaces: ['*', 'sales'] } }],
    ['audience', { audience: [] }],
    ['suggestOn.0', { suggestOn: [{}] }],
    ['quickActions.0.output', { quickActions: [{ ...valid.quickActions![0]!, output: 'pdf' }] }],
    ['quickActions.1', { quickActions: [valid.quickActions![0]!, valid.quickActions![0]!] }],
    ['unexpected', { unexpected: true }],
  ])('refuses a bad %s', (path, change) => {
    expect(issuesOf({ ...valid, ...change })).toContain(path === 'unexpected' ? '' : path);
  });

  it('tells a provider model id from an alias', () => {
    for (const alias of ['default', 'smart', 'fast', 'investigator', 'cheap_2']) {
      expect(ModelAlias.safeParse(alias).success, alias).toBe(true);
    }
    for (const id of ['gpt-4o-mini', 'o3', 'claude-3-5-sonnet', 'gemini-2.0-flash', 'mistral-large', 'llama3.1']) {
      expect(ModelAlias.safeParse(id).success, id).toBe(false);
    }
  });

  it('names built-in and MCP tools', () => {
    for (const id of ['search_knowledge', 'read_page', 'handoff', 'mcp:crm/update_stage', 'mcp:jira-cloud/get.issue']) {
      expect(ToolId.safeParse(id).success, id).toBe(true);
    }
    for (const id of ['Search', 'mcp:/x', 'mcp:crm/', 'mcp:crm/a b', 'http://x']) {
      expect(ToolId.safeParse(id).success, id).toBe(false);
    }
  });
});

describe('audience and suggestions', () => {
  it('lets everyone use a "*" assistant and only listed groups use the others', () => {
    expect(inAudience(['*'], [])).toBe(true);
    expect(inAudience(['sales-team'], ['support-team', 'sales-team'])).toBe(true);
    expect(inAudience(['sales-team'], ['support-team'])).toBe(false);
  });

  it('prefers the assistant made for this site and kind over one made for the kind alone', () => {
    const anyTicket = { id: 'any', suggestOn: [{ kind: 'ticket' as const }] };
    const zendesk = { id: 'zendesk', suggestOn: [{ site: 'zendesk', kind: 'ticket' as const }] };
    expect(suggestFor([anyTicket, zendesk], { site: 'zendesk', kind: 'ticket' })?.id).toBe('zendesk');
    expect(suggestFor([anyTicket, zendesk], { site: 'freshdesk', kind: 'ticket' })?.id).toBe('any');
    expect(suggestFor([anyTicket, zendesk], { site: 'zendesk', kind: 'article' })).toBeUndefined();
    expect(suggestFor([anyTicket], undefined)).toBeUndefined();
  });
});
