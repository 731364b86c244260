import type { CallToolResult } from '@ai-sdk/mcp';
import { jsonSchema } from 'ai';
import { block, promptText } from '../../prompt/untrusted';
import type { AnyBesideTool, BesideTool } from '../types';
import { callServerTool, listServerTools, type McpToolDefinition } from './client';
import type { McpServer } from './settings';

const MCP_ID = /^mcp:([a-z0-9][a-z0-9_-]{0,31})\/([A-Za-z0-9_.-]{1,64})$/;

export function parseMcpToolId(id: string): { server: string; tool: string } | undefined {
  const match = MCP_ID.exec(id);
  return match ? { server: match[1]!, tool: match[2]! } : undefined;
}

/**
 * Whether a tool only reads. The administrator's word wins (readOnlyTools / writeTools in MCP_SERVERS); without
 * it, the server's `readOnlyHint`; a tool that says nothing counts as one that writes, so it waits for approval.
 */
export function mcpToolIsReadOnly(server: McpServer, definition: Pick<McpToolDefinition, 'name' | 'annotations'>) {
  if (server.writeTools.includes(definition.name)) return false;
  if (server.readOnlyTools.includes(definition.name)) return true;
  return definition.annotations?.readOnlyHint === true;
}

interface McpOutput {
  isError: boolean;
  text: string;
}

const MAX_RESULT_CHARS = 20_000;

function textOf(result: CallToolResult): string {
  const content = Array.isArray(result.content) ? result.content : [];
  const texts = content.map((part) => (part.type === 'text' ? part.text : `[${part.type} content]`));
  if (texts.length === 0 && result.structuredContent) texts.push(JSON.stringify(result.structuredContent));
  return texts.join('\n').slice(0, MAX_RESULT_CHARS);
}

/** The result as the model reads it: the server's text is data, escaped inside a `<tool>` block. */
function renderMcpOutput(output: McpOutput): string {
  return promptText(
    block('tool', {
      fields: [{ label: 'status', value: output.isError ? 'error' : 'ok' }],
      body: output.text,
    }),
  );
}

function mcpTool(server: McpServer, definition: McpToolDefinition): BesideTool<Record<string, unknown>, McpOutput> {
  return {
    id: `mcp:${server.name}/${definition.name}`,
    description: (definition.description ?? definition.title ?? definition.name).slice(0, 2_000),
    inputSchema: jsonSchema<Record<string, unknown>>({ ...definition.inputSchema, type: 'object' } as never),
    readOnly: mcpToolIsReadOnly(server, definition),
    async execute(input) {
      const result = await callServerTool(server, definition.name, input);
      const output = { isError: result.isError === true, text: textOf(result) };
      // An error the tool reported is a failed call (logged as such), still told to the model.
      if (output.isError) throw new Error(output.text || `The tool ${definition.name} reported an error.`);
      return output;
    },
    toModelText: renderMcpOutput,
  };
}

/**
 * The MCP tools among `ids` (`mcp:<server>/<tool>`) that an administrator allowed on a configured server and that
 * the server really has. Anything else is left out: a spec cannot reach a server or a tool nobody allowed.
 */
export async function mcpToolsFor(ids: readonly string[], servers: readonly McpServer[]): Promise<AnyBesideTool[]> {
  const wanted = new Map<McpServer, Set<string>>();
  for (const id of ids) {
    const parsed = parseMcpToolId(id);
    if (!parsed) continue;
    const server = servers.find((candidate) => candidate.name === parsed.server);
    if (!server?.allowedTools.includes(parsed.tool)) continue;
    wanted.set(server, (wanted.get(server) ?? new Set()).add(parsed.tool));
  }
  const perServer = await Promise.all(
    [...wanted].map(async ([server, names]) => {
      try {
        const definitions = await listServerTools(server);
        return definitions.filter((definition) => names.has(definition.name)).map((d) => mcpTool(server, d));
      } catch (error) {
        // An unreachable server costs its tools for this answer, not the answer itself.
        console.warn(
          JSON.stringify({ event: 'mcp_list_failed', server: server.name, error: String(error).slice(0, 300) }),
        );
        return [];
      }
    }),
  );
  return perServer.flat();
}
