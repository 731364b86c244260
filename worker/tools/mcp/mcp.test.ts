import { describe, expect, inject, it } from 'vitest';
import { readConfig } from '../../config';
import type { Env } from '../../env';
import { call, jsonInit, testEnv, userMessage } from '../../testing/support';
import { CitationCounter } from '../citation-counter';
import { toolsFor } from '../registry';
import { readMcpSettings } from './settings';

const mcpUrl = () => inject('mcpUrl');
const CRM_TOKEN = 'Bearer crm-test-token';

function crmServers(overrides: Record<string, unknown> = {}) {
  return JSON.stringify([
    {
      name: 'crm',
      url: `${mcpUrl()}/mcp`,
      headers: { Authorization: 'secret:CRM_TOKEN' },
      allowedTools: ['lookup_account', 'update_stage', 'log_activity'],
      ...overrides,
    },
  ]);
}

async function recordedCalls(): Promise<{ tool: string; arguments: Record<string, unknown>; authorization: string }[]> {
  return (await fetch(`${mcpUrl()}/__calls`)).json();
}

async function contextWith(overrides: Partial<Env>) {
  const environment = await testEnv({ MCP_SERVERS: crmServers(), CRM_TOKEN, ...overrides } as Partial<Env>);
  const config = readConfig(environment);
  expect(config.problems).toEqual([]);
  return {
    env: environment,
    config,
    identity: { subject: `mcp-${crypto.randomUUID()}`, email: undefined, groups: [], isDevToken: false },
    counter: new CitationCounter(1),
    assistantId: 'sales',
    conversationId: crypto.randomUUID(),
  };
}

describe('MCP_SERVERS', () => {
  const env = { CRM_TOKEN };
  it('reads a server and resolves a secret: header from the named secret', () => {
    const settings = readMcpSettings(crmServers(), env);
    expect(settings.problem).toBeUndefined();
    expect(settings.servers[0]).toMatchObject({ name: 'crm', headers: { Authorization: CRM_TOKEN } });
  });

  it.each([
    ['not JSON', '[{"name":'],
    ['not a list', '{"name":"crm"}'],
    ['an unknown key', crmServers({ token: 'x' })],
    ['plain http to another host', crmServers({ url: 'http://crm.example.com/mcp' })],
    ['no allowed tools', crmServers({ allowedTools: [] })],
    ['a read-only override of a tool not allowed', crmServers({ readOnlyTools: ['delete_account'] })],
    ['a tool both read-only and write', crmServers({ readOnlyTools: ['log_activity'], writeTools: ['log_activity'] })],
    ['a bad server name', crmServers({ name: 'CRM server' })],
  ])('refuses %s with a clear problem', (_, value) => {
    const settings = readMcpSettings(value, env);
    expect(settings.problem).toMatch(/^MCP_SERVERS/);
    expect(settings.servers).toEqual([]);
  });

  it('names a missing secret without printing any value', () => {
    const settings = readMcpSettings(crmServers(), {});
    expect(settings.problem).toContain('CRM_TOKEN');
    expect(settings.problem).toContain('not set');
  });

  it('a broken MCP_SERVERS answers 503 server_misconfigured naming the setting, never the secret', async () => {
    const environment = await testEnv({ MCP_SERVERS: crmServers({ url: 'ftp://x' }), CRM_TOKEN } as Partial<Env>);
    const response = await call('/v1/chat', jsonInit({ messages: [userMessage('hi')] }), environment);
    expect(response.status).toBe(503);
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('server_misconfigured');
    expect(problem.detail).toContain('MCP_SERVERS');
    expect(JSON.stringify(problem)).not.toContain('crm-test-token');
  });
});

describe('MCP tools from a real server (Streamable HTTP)', () => {
  it('offers only listed tools that the administrator allowed and the server has', async () => {
    const context = await contextWith({});
    const offered = await toolsFor(
      [
        { id: 'mcp:crm/lookup_account' },
        { id: 'mcp:crm/update_stage' },
        { id: 'mcp:crm/delete_account' }, // on the server, not allowed by the administrator
        { id: 'mcp:crm/no_such_tool' }, // allowed nowhere
        { id: 'mcp:billing/refund' }, // no such server
      ],
      context,
    );
    expect(Object.keys(offered.tools).sort()).toEqual(['mcp__crm__lookup_account', 'mcp__crm__update_stage']);
    const unlisted = await toolsFor([{ id: 'mcp:crm/lookup_account' }], context);
    expect(Object.keys(unlisted.tools)).toEqual(['mcp__crm__lookup_account']);
  });

  it('honours readOnlyHint unless the administrator said otherwise (writeTools / readOnlyTools)', async () => {
    const grants = [{ id: 'mcp:crm/lookup_account' }, { id: 'mcp:crm/update_stage' }, { id: 'mcp:crm/log_activity' }];
    const byHint = await toolsFor(grants, await contextWith({}));
    expect(byHint.byName.get('mcp__crm__lookup_account')).toMatchObject({ readOnly: true, needsApproval: false });
    expect(byHint.byName.get('mcp__crm__update_stage')).toMatchObject({ readOnly: false, needsApproval: true });
    // The server claims log_activity only reads; the administrator knows it writes.
    expect(byHint.byName.get('mcp__crm__log_activity')).toMatchObject({ readOnly: true });
    const overridden = await toolsFor(
      grants,
      await contextWith({
        MCP_SERVERS: crmServers({ name: 'crm', writeTools: ['log_activity'], readOnlyTools: ['update_stage'] }),
      }),
    );
    expect(overridden.byName.get('mcp__crm__log_activity')).toMatchObject({ readOnly: false, needsApproval: true });
    expect(overridden.byName.get('mcp__crm__update_stage')).toMatchObject({ readOnly: true, needsApproval: false });
  });

  it('runs a read-only tool without approval, with the secret header, and logs the call', async () => {
    const context = await contextWith({});
    const offered = await toolsFor([{ id: 'mcp:crm/lookup_account' }], context);
    const lookup = offered.tools.mcp__crm__lookup_account!;
    const marker = `Acme ${crypto.randomUUID()}`;
    const output = await lookup.execute!({ account: marker }, { toolCallId: 'call-1', messages: [] } as never);
    expect(output).toMatchObject({ isError: false, text: expect.stringContaining('Negotiation') });
    const seen = (await recordedCalls()).filter((entry) => entry.arguments.account === marker);
    expect(seen).toEqual([
      expect.objectContaining({ tool: 'lookup_account', authorization: CRM_TOKEN, arguments: { account: marker } }),
    ]);
    const { results } = await context.env.DB.prepare('SELECT * FROM tool_calls WHERE subject = ?')
      .bind(context.identity.subject)
      .all<{ tool_id: string; status: string; assistant_id: string; arguments: string }>();
    expect(results).toEqual([
      expect.objectContaining({ tool_id: 'mcp:crm/lookup_account', status: 'ok', assistant_id: 'sales' }),
    ]);
    expect(JSON.parse(results[0]!.arguments)).toEqual({ account: marker });
  });

  it('a tool error is logged as an error and the model is told, escaped', async () => {
    const context = await contextWith({});
    const offered = await toolsFor([{ id: 'mcp:crm/lookup_account' }], context);
    await expect(
      offered.tools.mcp__crm__lookup_account!.execute!({ account: 'Initech <b>' }, {
        toolCallId: 'c2',
        messages: [],
      } as never),
    ).rejects.toThrow(/No account named/);
    const { results } = await context.env.DB.prepare('SELECT status, error FROM tool_calls WHERE subject = ?')
      .bind(context.identity.subject)
      .all<{ status: string; error: string }>();
    expect(results).toEqual([{ status: 'error', error: expect.stringContaining('No account named') }]);
  });

  it('an unreachable server costs its tools, not the answer', async () => {
    const context = await contextWith({ MCP_SERVERS: crmServers({ url: 'http://127.0.0.1:9/mcp' }) });
    const offered = await toolsFor([{ id: 'mcp:crm/lookup_account' }, { id: 'read_page' }], context);
    expect(Object.keys(offered.tools)).toEqual(['read_page']);
  });
});
