import { asSchema, type Schema, type Tool, type ToolSet, tool } from 'ai';
import { block, promptText } from '../prompt/untrusted';
import { finishApprovedCall, insertToolCall } from './call-log';
import { handoff } from './handoff';
import { mcpToolsFor } from './mcp/tools';
import { readPage } from './read-page';
import { searchKnowledge } from './search-knowledge';
import type { AnyBesideTool, ToolContext } from './types';

/** Built-in tools, one file each; MCP tools come from the servers in MCP_SERVERS (mcp/tools.ts). */
export const BUILT_IN_TOOLS: readonly AnyBesideTool[] = [searchKnowledge, readPage, handoff];

export function findBuiltInTool(id: string): AnyBesideTool | undefined {
  return BUILT_IN_TOOLS.find((candidate) => candidate.id === id);
}

/** An assistant's grant of a tool (shared/assistants.ts ToolGrant): `always` asks even for a read-only tool. */
export interface ToolGrantLike {
  id: string;
  approval?: 'auto' | 'always' | 'never' | undefined;
}

/** What one answer offers the model, with what the pipeline needs to know about each tool by its model-facing name. */
export interface OfferedTools {
  tools: ToolSet;
  byName: Map<string, { id: string; readOnly: boolean; needsApproval: boolean }>;
}

/**
 * The name the model calls a tool by. Providers accept `[A-Za-z0-9_-]{1,64}`, so `mcp:crm/update_stage` becomes
 * `mcp__crm__update_stage`; the mapping back is kept in OfferedTools.byName, never parsed from the name.
 */
export function modelToolName(id: string): string {
  return id
    .replace(/^mcp:/, 'mcp__')
    .replace('/', '__')
    .replace(/[^A-Za-z0-9_-]/g, '_')
    .slice(0, 64);
}

/** Any output as the model reads it: JSON inside an escaped `<tool>` block (outputs are data, never instructions). */
function defaultModelText(output: unknown): string {
  return promptText(block('tool', { body: JSON.stringify(output ?? null) }));
}

/**
 * Each tool's input schema as the AI SDK reads it, prepared once per isolate. Handing the SDK a zod schema makes it
 * derive the JSON Schema again on every request and every step, before the model is even called; the prepared schema
 * keeps the JSON Schema it derived, and validates input exactly as the zod schema does.
 */
const preparedSchemas = new WeakMap<AnyBesideTool, Schema<unknown>>();

function inputSchemaOf(besideTool: AnyBesideTool): Schema<unknown> {
  let schema = preparedSchemas.get(besideTool);
  if (!schema) {
    schema = asSchema(besideTool.inputSchema) as Schema<unknown>;
    preparedSchemas.set(besideTool, schema);
  }
  return schema;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The AI SDK tool for one of ours: approval as decided, and every run written to the tool-call log with how it
 * ended (a log failure never fails the call; it is reported in the worker's logs).
 */
function toAiTool(besideTool: AnyBesideTool, name: string, needsApproval: boolean, context: ToolContext): Tool {
  const log = async (toolCallId: string, input: unknown, outcome: { status: 'ok' | 'error'; error?: string }) => {
    const db = context.env.DB;
    const where = { conversationId: context.conversationId, subject: context.identity.subject, toolCallId };
    try {
      if (needsApproval && (await finishApprovedCall(db, where, outcome))) return;
      await insertToolCall(db, {
        ...where,
        assistantId: context.assistantId,
        toolId: besideTool.id,
        toolName: name,
        arguments: input,
        readOnly: besideTool.readOnly,
        ...outcome,
      });
    } catch (error) {
      console.error(JSON.stringify({ event: 'tool_call_log_failed', tool: besideTool.id, error: errorText(error) }));
    }
  };
  return tool({
    description: besideTool.description,
    inputSchema: inputSchemaOf(besideTool),
    needsApproval,
    execute: async (input: unknown, { toolCallId }: { toolCallId: string }) => {
      try {
        const output = await besideTool.execute(input as never, context);
        await log(toolCallId, input, { status: 'ok' });
        return output;
      } catch (error) {
        await log(toolCallId, input, { status: 'error', error: errorText(error) });
        throw error;
      }
    },
    toModelOutput: ({ output }: { output: unknown }) => ({
      type: 'text' as const,
      value: besideTool.toModelText ? besideTool.toModelText(output as never) : defaultModelText(output),
    }),
  } as never) as Tool;
}

/**
 * The tools offered to the model for one answer: only those the assistant lists (built-ins by id, MCP tools as
 * `mcp:<server>/<tool>` that an administrator allowed), nothing else. A tool that writes always waits for the
 * person's approval; `approval: "always"` makes a read-only one wait too; `never` cannot waive it for a writer.
 */
export async function toolsFor(grants: readonly ToolGrantLike[], context: ToolContext): Promise<OfferedTools> {
  const mcpIds = grants.map((grant) => grant.id).filter((id) => id.startsWith('mcp:'));
  const available = [
    ...grants.flatMap((grant) => findBuiltInTool(grant.id) ?? []),
    ...(mcpIds.length ? await mcpToolsFor(mcpIds, context.config.mcp.servers) : []),
  ];
  const offered: OfferedTools = { tools: {}, byName: new Map() };
  for (const besideTool of available) {
    const grant = grants.find((candidate) => candidate.id === besideTool.id);
    const needsApproval = !besideTool.readOnly || grant?.approval === 'always';
    const name = modelToolName(besideTool.id);
    offered.tools[name] = toAiTool(besideTool, name, needsApproval, context);
    offered.byName.set(name, { id: besideTool.id, readOnly: besideTool.readOnly, needsApproval });
  }
  return offered;
}
