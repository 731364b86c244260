import { z } from 'zod';
import { isLoopbackHostname } from '../../../shared/server-url';

/**
 * `MCP_SERVERS`: the remote MCP servers an administrator connected, as a JSON list of
 * `{"name":"crm","url":"https://crm.example.com/mcp","headers":{"Authorization":"secret:CRM_TOKEN"},
 *   "allowedTools":["lookup_account","update_stage"],"readOnlyTools":[],"writeTools":[]}`.
 * - A header value `secret:NAME` is read from the worker secret NAME (`wrangler secret put NAME`), so the
 *   setting itself holds no credential.
 * - Only `allowedTools` are ever offered (an assistant lists them as `mcp:<name>/<tool>`); a tool the server adds
 *   later stays out until the administrator allows it.
 * - A tool is read-only (runs without asking) when the administrator lists it in `readOnlyTools`; a tool in
 *   `writeTools` always waits for the person's approval. Otherwise the server's own `readOnlyHint` annotation
 *   decides, and a tool without it counts as one that writes.
 */

const ServerName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'A server name of 1–32 characters: a-z, 0-9, "_" and "-".');
const ToolName = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'A tool name of 1–64 characters: A-Z, a-z, 0-9, "_", "." and "-".');
const SECRET_PREFIX = 'secret:';
const HeaderName = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'An HTTP header name.');

const Url = z
  .string()
  .max(2_000)
  .refine((value) => URL.canParse(value), 'Not a URL.')
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHostname(url.hostname));
  }, 'MCP servers are reached over https (plain http only on this computer: 127.0.0.1, localhost).');

const McpServerSetting = z
  .strictObject({
    name: ServerName,
    url: Url,
    headers: z.record(HeaderName, z.string().max(4_000)).default({}),
    allowedTools: z.array(ToolName).min(1).max(100),
    readOnlyTools: z.array(ToolName).max(100).default([]),
    writeTools: z.array(ToolName).max(100).default([]),
  })
  .superRefine((server, context) => {
    for (const [list, tools] of [
      ['readOnlyTools', server.readOnlyTools],
      ['writeTools', server.writeTools],
    ] as const) {
      for (const tool of tools) {
        if (!server.allowedTools.includes(tool)) {
          context.addIssue({ code: 'custom', path: [list], message: `"${tool}" is not in allowedTools.` });
        }
      }
    }
    for (const tool of server.readOnlyTools) {
      if (server.writeTools.includes(tool)) {
        context.addIssue({
          code: 'custom',
          path: ['writeTools'],
          message: `"${tool}" is both read-only and a write tool.`,
        });
      }
    }
  });

const McpServersSetting = z
  .array(McpServerSetting)
  .max(20)
  .superRefine((servers, context) => {
    const seen = new Set<string>();
    servers.forEach((server, index) => {
      if (seen.has(server.name))
        context.addIssue({ code: 'custom', path: [index, 'name'], message: `Duplicate server "${server.name}".` });
      seen.add(server.name);
    });
  });

export interface McpServer {
  name: string;
  url: string;
  /** Header values with `secret:NAME` already replaced by the secret. */
  headers: Record<string, string>;
  allowedTools: string[];
  readOnlyTools: string[];
  writeTools: string[];
}

export interface McpSettings {
  servers: McpServer[];
  /** Why MCP_SERVERS cannot be used (names the problem, never a header value or a secret). */
  problem?: string;
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
    .join('; ');
}

/** Parses MCP_SERVERS and resolves its secrets; `env` supplies the secrets that `secret:NAME` values name. */
export function readMcpSettings(value: string | undefined, env: Record<string, unknown>): McpSettings {
  if (!value?.trim()) return { servers: [] };
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return { servers: [], problem: 'MCP_SERVERS is not valid JSON (expected a list of servers).' };
  }
  const parsed = McpServersSetting.safeParse(json);
  if (!parsed.success) return { servers: [], problem: `MCP_SERVERS is invalid: ${describe(parsed.error)}` };
  const servers: McpServer[] = [];
  for (const server of parsed.data) {
    const headers: Record<string, string> = {};
    for (const [name, raw] of Object.entries(server.headers)) {
      if (!raw.startsWith(SECRET_PREFIX)) {
        headers[name] = raw;
        continue;
      }
      const secretName = raw.slice(SECRET_PREFIX.length);
      const secret = /^[A-Z][A-Z0-9_]{0,63}$/.test(secretName) ? env[secretName] : undefined;
      if (typeof secret !== 'string' || secret === '') {
        return {
          servers: [],
          problem: `MCP_SERVERS: header ${name} of server "${server.name}" names the secret ${secretName.slice(0, 64)}, which is not set.`,
        };
      }
      headers[name] = secret;
    }
    servers.push({ ...server, headers });
  }
  return { servers };
}
